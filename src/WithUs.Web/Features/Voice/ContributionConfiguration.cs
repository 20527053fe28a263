using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Voice;

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        // "Building up": the window by day, with all it counts (migration ThemeCounts says why it is partial).
        builder.HasIndex(c => new { c.OrganisationId, c.SaidOnUtc, c.Id, c.LinkedToId, c.PersonId, c.TermCount }, BuildUpWindowIndex)
            .HasFilter(BuildUpWindowFilter);

        builder.Property(c => c.Text).HasMaxLength(Contribution.TextMaxLength);
        builder.Property(c => c.RelayedBy).HasMaxLength(Contribution.RelayedByMaxLength);
        builder.Property(c => c.OutcomeExplanation).HasMaxLength(Contribution.ExplanationMaxLength);
        builder.Property(c => c.ToldNote).HasMaxLength(Contribution.ToldNoteMaxLength);
        builder.Property(c => c.PublicSummary).HasMaxLength(Contribution.PublicSummaryMaxLength);
        builder.Property(c => c.PublicOutcome).HasMaxLength(Contribution.PublicOutcomeMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.LinkedTo).WithMany(c => c.Voices).HasForeignKey(c => c.LinkedToId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.OrganisationId, c.CreatedAtUtc });

        // The list's order, newest first, walked backwards from a page's last row (migration VoiceListOrder).
        builder.HasIndex(c => new { c.OrganisationId, c.SaidOnUtc, c.CreatedAtUtc, c.Id });
        builder.HasIndex(c => new { c.OrganisationId, c.Outcome });
        builder.HasIndex(c => c.PersonId);
        builder.HasIndex(c => c.LinkedToId);

        // A project's page lists the things said that led to it (issue 11, migration Projects).
        builder.HasIndex(c => c.ProjectId);

        // Lookups by id within the organisation (migration SimilarityIndexes says why SQLite needs them).
        builder.HasIndex(c => new { c.OrganisationId, c.Id });
        builder.HasIndex(c => new { c.OrganisationId, c.LinkedToId });

        // A person's page (migration PersonContributionsIndex), and when each person on the people list last said
        // something (migration PeopleListIndex).
        builder.HasIndex(c => new { c.OrganisationId, c.PersonId, c.SaidOnUtc });

        // Issue 9, the pages that aggregate (migration AggregatePageIndexes says why each).
        builder.HasIndex(c => new { c.OrganisationId, c.OutcomeAtUtc, c.Id }, PublishedByOutcomeIndex)
            .HasFilter(PublishedFilter);
        builder.HasIndex(c => new { c.OrganisationId, c.PublishedAtUtc, c.Id }, PublishedUndecidedIndex)
            .HasFilter(PublishedUndecidedFilter);

        // Issue 9, the public lists' own parts of those (migration PublicListIndexes; the filters name OutcomeStatus
        // Done and New by value, as the queries' WHERE does).
        builder.HasIndex(c => new { c.OrganisationId, c.OutcomeAtUtc, c.Id }, "IX_Contributions_Published_Open_OutcomeAtUtc")
            .HasFilter("\"IsPublished\" AND \"Outcome\" <> 4");
        builder.HasIndex(c => new { c.OrganisationId, c.PublishedAtUtc, c.Id }, "IX_Contributions_Published_Undecided_WithOutcome")
            .HasFilter("\"IsPublished\" AND \"OutcomeAtUtc\" IS NULL AND \"Outcome\" <> 0");

        // "Owed a reply" (migration IdeaOutcomeOnEachRow): the outcome that counts, kept on each row by the database,
        // and partial indexes holding exactly the rows each part of the page lists, in its order. The app writes the
        // columns only as their defaults on insert, which the triggers then correct.
        builder.Property(c => c.IdeaOutcome).HasDefaultValue(OutcomeStatus.New);
        builder.Property(c => c.IdeaIsPublished).HasDefaultValue(false);
        // Whether whoever said it can be told, copied from People the same way (migration CanBeToldOnEachRow).
        builder.Property(c => c.CanBeTold).HasDefaultValue(false);
        // An idea's voices and "me too"s, recounted by the database (migration VoiceCountOnEachIdea).
        builder.Property(c => c.VoiceCount).HasDefaultValue(1);
        builder.Property(c => c.MeTooCount).HasDefaultValue(0);
        // An idea's "me too"s, newest first, with who said each: its page counts them and walks the newest here
        // (migration IdeaVoicesInOrder).
        builder.HasIndex(c => new { c.OrganisationId, c.LinkedToId, c.SaidOnUtc, c.CreatedAtUtc, c.Id, c.PersonId }, IdeaVoicesIndex)
            .HasFilter("\"LinkedToId\" IS NOT NULL");
        builder.HasIndex(c => new { c.OrganisationId, c.IdeaOutcomeAtUtc, c.Id }, UntoldCanBeToldIndex).HasFilter(UntoldCanBeToldFilter);
        builder.HasIndex(c => new { c.OrganisationId, c.IdeaOutcomeAtUtc, c.Id }, UntoldNoWayToTellIndex).HasFilter(UntoldNoWayToTellFilter);
        builder.HasIndex(c => new { c.OrganisationId, c.IdeaOutcomeAtUtc, c.Id }, AnonymousWithAnOutcomeIndex).HasFilter(AnonymousWithAnOutcomeFilter);
        // Holds each row's idea and its own filter's columns too, so SQLite reads it alone (migration CanBeToldOnEachRow).
        builder.HasIndex(c => new { c.OrganisationId, c.IdeaOutcomeAtUtc, c.Id, c.LinkedToId, c.PersonId, c.IdeaOutcome, c.IdeaIsPublished },
            AnonymousNotPublishedIndex).HasFilter(AnonymousNotPublishedFilter);
        builder.HasIndex(c => new { c.OrganisationId, c.CreatedAtUtc, c.Id }, NoOutcomeIndex).HasFilter(NoOutcomeFilter);
    }

    public const string BuildUpWindowIndex = "IX_Contributions_BuildUpWindow";
    public const string BuildUpWindowFilter = "\"TermCount\" >= 0";
    public const string PublishedByOutcomeIndex = "IX_Contributions_Published_OutcomeAtUtc";
    public const string PublishedFilter = "\"IsPublished\"";
    public const string PublishedUndecidedIndex = "IX_Contributions_Published_Undecided";
    public const string PublishedUndecidedFilter = "\"IsPublished\" AND \"OutcomeAtUtc\" IS NULL";

    private const string UntoldFilter =
        "\"PersonId\" IS NOT NULL AND \"IdeaOutcome\" <> 0 AND (\"ToldAtUtc\" IS NULL OR \"ToldOutcome\" IS NULL OR \"ToldOutcome\" <> \"IdeaOutcome\")";
    public const string IdeaVoicesIndex = "IX_Contributions_IdeaVoices";

    public const string UntoldCanBeToldIndex = "IX_Contributions_UntoldCanBeTold";
    public const string UntoldCanBeToldFilter = UntoldFilter + " AND \"CanBeTold\"";
    public const string UntoldNoWayToTellIndex = "IX_Contributions_UntoldNoWayToTell";
    public const string UntoldNoWayToTellFilter = UntoldFilter + " AND NOT \"CanBeTold\"";
    public const string AnonymousWithAnOutcomeIndex = "IX_Contributions_AnonymousWithAnOutcome";
    public const string AnonymousWithAnOutcomeFilter = "\"PersonId\" IS NULL AND \"IdeaOutcome\" <> 0";
    public const string AnonymousNotPublishedIndex = "IX_Contributions_AnonymousNotPublished";
    public const string AnonymousNotPublishedFilter = "\"PersonId\" IS NULL AND \"IdeaOutcome\" <> 0 AND NOT \"IdeaIsPublished\"";
    public const string NoOutcomeIndex = "IX_Contributions_NoOutcome";
    public const string NoOutcomeFilter = "\"LinkedToId\" IS NULL AND \"Outcome\" = 0";
}
