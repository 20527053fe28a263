using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Voice: people, contributions, themes, interest, reach-back, the similarity index, and the organisation's
/// build-up and reply settings. Written by hand and provider-neutral, like the Foundation.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261122000000_Voice")]
public sealed class Voice : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("BuildUpThreshold", "Organisations", nullable: false, defaultValue: 5);
        migrationBuilder.AddColumn<int>("BuildUpWindowDays", "Organisations", nullable: false, defaultValue: 90);
        migrationBuilder.AddColumn<int>("ResponseWindowDays", "Organisations", nullable: false, defaultValue: 28);
        migrationBuilder.AddColumn<bool>("PublicPagesOpen", "Organisations", nullable: false, defaultValue: true);

        migrationBuilder.CreateTable(
            name: "People",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                UserId = t.Column<Guid>(nullable: true),
                ConsentToRecord = t.Column<bool>(nullable: false),
                ConsentRecordedAtUtc = t.Column<DateTime>(nullable: false),
                ConsentRecordedByUserId = t.Column<Guid>(nullable: true),
                MayContact = t.Column<bool>(nullable: false),
                ContactBy = t.Column<int>(nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                Phone = t.Column<string>(maxLength: 40, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_People", x => x.Id);
                t.ForeignKey("FK_People_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id",
                    onDelete: ReferentialAction.SetNull);
                t.ForeignKey("FK_People_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Contributions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Text = t.Column<string>(maxLength: 4000, nullable: false),
                Kind = t.Column<int>(nullable: false),
                Channel = t.Column<int>(nullable: false),
                SaidOnUtc = t.Column<DateTime>(nullable: false),
                Provenance = t.Column<int>(nullable: false),
                RelayedBy = t.Column<string>(maxLength: 200, nullable: true),
                PersonId = t.Column<Guid>(nullable: true),
                Source = t.Column<int>(nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: true),
                LinkedToId = t.Column<Guid>(nullable: true),
                Outcome = t.Column<int>(nullable: false),
                NotPossibleReason = t.Column<int>(nullable: true),
                OutcomeExplanation = t.Column<string>(maxLength: 2000, nullable: true),
                OutcomeAtUtc = t.Column<DateTime>(nullable: true),
                ToldAtUtc = t.Column<DateTime>(nullable: true),
                ToldHow = t.Column<int>(nullable: true),
                ToldOutcome = t.Column<int>(nullable: true),
                ToldNote = t.Column<string>(maxLength: 500, nullable: true),
                IsPublished = t.Column<bool>(nullable: false),
                PublicSummary = t.Column<string>(maxLength: 500, nullable: true),
                PublishedAtUtc = t.Column<DateTime>(nullable: true),
                TermCount = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Contributions", x => x.Id);
                t.ForeignKey("FK_Contributions_Contributions_LinkedToId", x => x.LinkedToId, "Contributions", "Id",
                    onDelete: ReferentialAction.SetNull);
                t.ForeignKey("FK_Contributions_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id",
                    onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Contributions_People_PersonId", x => x.PersonId, "People", "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "Themes",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 80, nullable: false),
                Description = t.Column<string>(maxLength: 500, nullable: true),
                IsArchived = t.Column<bool>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Themes", x => x.Id);
                t.ForeignKey("FK_Themes_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ContributionThemes",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ContributionId = t.Column<Guid>(nullable: false),
                ThemeId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContributionThemes", x => x.Id);
                t.ForeignKey("FK_ContributionThemes_Contributions_ContributionId", x => x.ContributionId, "Contributions", "Id",
                    onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ContributionThemes_Themes_ThemeId", x => x.ThemeId, "Themes", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Interests",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                PersonId = t.Column<Guid>(nullable: false),
                ContributionId = t.Column<Guid>(nullable: true),
                ThemeId = t.Column<Guid>(nullable: true),
                Kind = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Interests", x => x.Id);
                t.ForeignKey("FK_Interests_Contributions_ContributionId", x => x.ContributionId, "Contributions", "Id",
                    onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Interests_People_PersonId", x => x.PersonId, "People", "Id",
                    onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Interests_Themes_ThemeId", x => x.ThemeId, "Themes", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReachBacks",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                PersonId = t.Column<Guid>(nullable: false),
                ContributionId = t.Column<Guid>(nullable: true),
                ThemeId = t.Column<Guid>(nullable: true),
                Method = t.Column<int>(nullable: false),
                About = t.Column<string>(maxLength: 500, nullable: false),
                ByUserId = t.Column<Guid>(nullable: true),
                AtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReachBacks", x => x.Id);
                t.ForeignKey("FK_ReachBacks_Contributions_ContributionId", x => x.ContributionId, "Contributions", "Id",
                    onDelete: ReferentialAction.SetNull);
                t.ForeignKey("FK_ReachBacks_People_PersonId", x => x.PersonId, "People", "Id",
                    onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ReachBacks_Themes_ThemeId", x => x.ThemeId, "Themes", "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "ContributionTerms",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ContributionId = t.Column<Guid>(nullable: false),
                Term = t.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContributionTerms", x => x.Id);
                t.ForeignKey("FK_ContributionTerms_Contributions_ContributionId", x => x.ContributionId, "Contributions", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_People_OrganisationId_Name", "People", ["OrganisationId", "Name"]);
        migrationBuilder.CreateIndex("IX_People_OrganisationId_UserId", "People", ["OrganisationId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_People_UserId", "People", "UserId");
        migrationBuilder.CreateIndex("IX_Contributions_OrganisationId_CreatedAtUtc", "Contributions", ["OrganisationId", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_Contributions_OrganisationId_Outcome", "Contributions", ["OrganisationId", "Outcome"]);
        migrationBuilder.CreateIndex("IX_Contributions_PersonId", "Contributions", "PersonId");
        migrationBuilder.CreateIndex("IX_Contributions_LinkedToId", "Contributions", "LinkedToId");
        migrationBuilder.CreateIndex("IX_Themes_OrganisationId_Name", "Themes", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_ContributionThemes_ContributionId_ThemeId", "ContributionThemes", ["ContributionId", "ThemeId"], unique: true);
        migrationBuilder.CreateIndex("IX_ContributionThemes_ThemeId", "ContributionThemes", "ThemeId");
        migrationBuilder.CreateIndex("IX_Interests_PersonId_ContributionId_ThemeId", "Interests", ["PersonId", "ContributionId", "ThemeId"]);
        migrationBuilder.CreateIndex("IX_Interests_ContributionId", "Interests", "ContributionId");
        migrationBuilder.CreateIndex("IX_Interests_ThemeId", "Interests", "ThemeId");
        migrationBuilder.CreateIndex("IX_ReachBacks_PersonId", "ReachBacks", "PersonId");
        migrationBuilder.CreateIndex("IX_ReachBacks_ContributionId", "ReachBacks", "ContributionId");
        migrationBuilder.CreateIndex("IX_ReachBacks_ThemeId", "ReachBacks", "ThemeId");
        migrationBuilder.CreateIndex("IX_ContributionTerms_OrganisationId_Term_ContributionId", "ContributionTerms", ["OrganisationId", "Term", "ContributionId"]);
        migrationBuilder.CreateIndex("IX_ContributionTerms_ContributionId", "ContributionTerms", "ContributionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ContributionTerms");
        migrationBuilder.DropTable("ReachBacks");
        migrationBuilder.DropTable("Interests");
        migrationBuilder.DropTable("ContributionThemes");
        migrationBuilder.DropTable("Themes");
        migrationBuilder.DropTable("Contributions");
        migrationBuilder.DropTable("People");
        foreach (var column in (string[])["PublicPagesOpen", "ResponseWindowDays", "BuildUpWindowDays", "BuildUpThreshold"])
        {
            if (migrationBuilder.IsSqlite())
            {
                // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
                migrationBuilder.Sql($"ALTER TABLE \"Organisations\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(column, "Organisations");
            }
        }
    }
}
