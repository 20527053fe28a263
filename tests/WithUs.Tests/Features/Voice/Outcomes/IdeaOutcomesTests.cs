using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice.Outcomes;

namespace WithUs.Tests.Features.Voice.Outcomes;

/// <summary>
/// The outcome that counts, kept on each row by the database (migration IdeaOutcomeOnEachRow), equals a recount after
/// every kind of change: through EF and around it (ExecuteUpdate, ExecuteDelete, the bulk writer, the database's own
/// ON DELETE SET NULL), and the owed page follows it.
/// </summary>
public sealed class IdeaOutcomesTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task KeptOutcomes_EqualARecount_AfterEachKindOfChange()
    {
        using var staff = await app.SignedInAsync();
        var organisation = staff.Organisation;
        var person = await app.CreatePersonAsync(organisation, name: "Voice Vera", mayContact: true, contactBy: ContactMethod.Phone, phone: "07700 900456");
        var idea = await app.CreateContributionAsync(organisation, "A bench by the bus stop");
        var voice = await app.CreateContributionAsync(organisation, "My knees would thank you", c =>
        {
            c.PersonId = person.Id;
            c.LinkedToId = idea.Id;
        });
        await ShouldBeRecountedAsync(organisation, "after saving an idea and a \"me too\" through EF");
        (await OwedAsync(staff)).ShouldNotContain("Voice Vera");

        (await staff.PostPageAsync($"{staff.Org}/voice/{idea.Id}/outcome", new()
        {
            ["Input.Status"] = "Planned",
            ["Input.Explanation"] = "The council will put one in next month.",
        })).Dispose();
        await ShouldBeRecountedAsync(organisation, "after the idea's outcome was decided");
        (await KeptAsync(organisation, voice.Id)).ShouldBe((OutcomeStatus.Planned, true, false));
        (await OwedAsync(staff)).ShouldContain("Voice Vera");

        await app.InOrganisationAsync(organisation, async db =>
        {
            var tracked = await db.Contributions.SingleAsync(c => c.Id == idea.Id);
            tracked.IsPublished = true;
            tracked.PublicSummary = "A bench by the bus stop";
            await db.SaveChangesAsync();
        });
        await ShouldBeRecountedAsync(organisation, "after the idea was published");
        (await KeptAsync(organisation, voice.Id)).ShouldBe((OutcomeStatus.Planned, true, true));

        // As "let it stand on its own" does, around the change tracker.
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == voice.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedToId, (Guid?)null)));
        await ShouldBeRecountedAsync(organisation, "after the \"me too\" was unlinked");
        (await KeptAsync(organisation, voice.Id)).ShouldBe((OutcomeStatus.New, false, false));
        (await OwedAsync(staff)).ShouldNotContain("Voice Vera");

        // As the same-idea offer does, through EF.
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.Contributions.SingleAsync(c => c.Id == voice.Id)).LinkedToId = idea.Id;
            await db.SaveChangesAsync();
        });
        await ShouldBeRecountedAsync(organisation, "after the \"me too\" was linked again");
        (await OwedAsync(staff)).ShouldContain("Voice Vera");

        // The database sets the voice's LinkedToId to null: EF never sees it.
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == idea.Id).ExecuteDeleteAsync());
        await ShouldBeRecountedAsync(organisation, "after its idea was deleted");
        (await KeptAsync(organisation, voice.Id)).ShouldBe((OutcomeStatus.New, false, false));
        (await OwedAsync(staff)).ShouldNotContain("Voice Vera");
    }

    [DatabaseFact]
    public async Task KeptOutcomes_AreWrittenByTheBulkWriter_AndRebuiltFromScratch()
    {
        using var staff = await app.SignedInAsync();
        var organisation = staff.Organisation;
        var person = await app.CreatePersonAsync(organisation, name: "Bulk Bertie", mayContact: true, contactBy: ContactMethod.Email, email: "bertie@example.org");
        var ideaId = Guid.CreateVersion7();
        await app.InOrganisationAsync(organisation, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.WriteAsync(db, new[]
            {
                new Contribution
                {
                    Id = ideaId, OrganisationId = organisation.Id, Text = "Free sanitary products at the drop-in", Outcome = OutcomeStatus.Done,
                    OutcomeAtUtc = DateTime.UtcNow.AddDays(-2), SaidOnUtc = DateTime.UtcNow.Date, CreatedAtUtc = DateTime.UtcNow,
                },
                new Contribution
                {
                    Id = Guid.CreateVersion7(), OrganisationId = organisation.Id, Text = "", LinkedToId = ideaId, PersonId = person.Id,
                    SaidOnUtc = DateTime.UtcNow.Date, CreatedAtUtc = DateTime.UtcNow,
                },
            }, CancellationToken.None);
            await transaction.CommitAsync();
        });
        await ShouldBeRecountedAsync(organisation, "after a bulk write");
        (await OwedAsync(staff)).ShouldContain("Bulk Bertie");

        var spoilt = await app.InOrganisationAsync(organisation, db => db.Contributions
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaOutcome, OutcomeStatus.New).SetProperty(c => c.IdeaOutcomeAtUtc, (DateTime?)null)));
        spoilt.ShouldBe(2);
        (await app.InOrganisationAsync(organisation, db => IdeaOutcomes.DriftAsync(db))).ShouldBe(2);
        (await OwedAsync(staff)).ShouldNotContain("Bulk Bertie");

        await app.InOrganisationAsync(organisation, db => IdeaOutcomes.RebuildAsync(db));

        await ShouldBeRecountedAsync(organisation, "after the rebuild");
        (await OwedAsync(staff)).ShouldContain("Bulk Bertie");
    }

    [DatabaseFact]
    public async Task APersonDeletedByTheDatabase_LeavesTheirUntoldOutcomesAnonymous()
    {
        using var staff = await app.SignedInAsync();
        var organisation = staff.Organisation;
        var person = await app.CreatePersonAsync(organisation, name: "Gone Gwen", mayContact: true, contactBy: ContactMethod.Email, email: "gwen@example.org");
        await app.CreateOwedIdeaAsync(organisation, "Longer opening hours on Fridays", OutcomeStatus.BeingConsidered, DateTime.UtcNow.AddDays(-1), person);
        (await OwedAsync(staff)).ShouldContain("Gone Gwen");

        await app.InOrganisationAsync(organisation, db => db.People.Where(p => p.Id == person.Id).ExecuteDeleteAsync());

        var owed = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed");
        owed.QuerySelector("main h2")!.TextContent.ShouldBe("Has an outcome, not told (0)");
        owed.QuerySelector("#anonymous-voices")!.TextContent.ShouldStartWith("1 person with an outcome gave no name");
        await ShouldBeRecountedAsync(organisation, "after the person was deleted");
    }

    [DatabaseFact]
    public async Task WhetherSomeoneCanBeTold_FollowsTheirRecord_HoweverItChanges()
    {
        using var staff = await app.SignedInAsync();
        using var partner = await app.SignedInAsync(OrganisationRole.Partner);
        var organisation = staff.Organisation;
        var quiet = await app.CreatePersonAsync(organisation, name: "Quiet Quentin");
        var other = await app.CreatePersonAsync(organisation, name: "Other Ola", mayContact: true, contactBy: ContactMethod.InPerson);
        var idea = await app.CreateOwedIdeaAsync(organisation, "A quiet room on Tuesdays", OutcomeStatus.Planned, DateTime.UtcNow.AddDays(-1), quiet);
        await ShouldBeRecountedAsync(organisation, "after saving through EF");
        (await PartsAsync(staff)).ShouldBe(("", "Quiet Quentin"), "asked not to be contacted, and has no account");

        // Their consent changes through EF: every row of theirs follows.
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.People.SingleAsync(p => p.Id == quiet.Id)).MayContact = true;
            await db.SaveChangesAsync();
        });
        await ShouldBeRecountedAsync(organisation, "after they agreed to be contacted");
        (await PartsAsync(staff)).ShouldBe(("Quiet Quentin", ""));

        // Around the change tracker.
        await app.InOrganisationAsync(organisation, db => db.People.Where(p => p.Id == quiet.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.MayContact, false)));
        await ShouldBeRecountedAsync(organisation, "after they withdrew it");
        (await PartsAsync(staff)).ShouldBe(("", "Quiet Quentin"));

        // An account of their own is a way to tell them, whatever they said about contact.
        await app.InOrganisationAsync(organisation, db => db.People.Where(p => p.Id == quiet.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, partner.User.Id)));
        await ShouldBeRecountedAsync(organisation, "after their account was linked");
        (await PartsAsync(staff)).ShouldBe(("Quiet Quentin", ""));

        // The row's person changes: it follows the new person's record.
        await app.InOrganisationAsync(organisation, db => db.People.Where(p => p.Id == quiet.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, (Guid?)null)));
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == idea.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PersonId, other.Id)));
        await ShouldBeRecountedAsync(organisation, "after the row was given to someone else");
        (await PartsAsync(staff)).ShouldBe(("Other Ola", ""));

        // Another organisation's person with the same answers changes nothing here.
        using var elsewhere = await app.SignedInAsync();
        var stranger = await app.CreatePersonAsync(elsewhere.Organisation, name: "Stranger Sam", mayContact: true, contactBy: ContactMethod.InPerson);
        await app.InOrganisationAsync(elsewhere.Organisation, db => db.People.Where(p => p.Id == stranger.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.MayContact, false)));
        (await PartsAsync(staff)).ShouldBe(("Other Ola", ""));

        // Spoilt around the triggers: the check sees it and the rebuild puts it right.
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == idea.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CanBeTold, false)));
        (await app.InOrganisationAsync(organisation, db => IdeaOutcomes.DriftAsync(db))).ShouldBe(1);
        await app.InOrganisationAsync(organisation, db => IdeaOutcomes.RebuildAsync(db));
        await ShouldBeRecountedAsync(organisation, "after the rebuild");
        (await PartsAsync(staff)).ShouldBe(("Other Ola", ""));
    }

    /// <summary>Who the owed page lists as waiting to be told, and who as "no way to tell" (names joined by commas).</summary>
    private static async Task<(string NotTold, string NoWayToTell)> PartsAsync(SignedIn staff)
    {
        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed");
        string Names(string id) => string.Join(", ", page.QuerySelectorAll($"#{id} tbody td[data-label='Who']").Select(td => td.TextContent.Trim()));
        return (Names("not-told"), Names("no-way-to-tell"));
    }

    private async Task ShouldBeRecountedAsync(TestOrganisation organisation, string when) =>
        (await app.InOrganisationAsync(organisation, db => IdeaOutcomes.DriftAsync(db))).ShouldBe(0, $"Rows whose kept outcome is wrong {when}");

    private async Task<(OutcomeStatus Outcome, bool HasDate, bool Published)> KeptAsync(TestOrganisation organisation, Guid id)
    {
        var kept = await OutcomeSteps.ReadAsync(app, organisation, id);
        return (kept.IdeaOutcome, kept.IdeaOutcomeAtUtc is not null, kept.IdeaIsPublished);
    }

    private static async Task<string> OwedAsync(SignedIn staff) =>
        (await staff.Client.GetPageAsync($"{staff.Org}/voice/owed")).QuerySelector("main")!.TextContent;
}
