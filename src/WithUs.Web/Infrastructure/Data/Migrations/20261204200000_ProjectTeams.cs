using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 11, a project's team and its ground rules: who is in it (a member of staff or a partner, never both, each
/// once at a time) with their role and what they give; each version of the group agreement, and who agreed to which.
/// Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261204200000_ProjectTeams")]
public sealed class ProjectTeams : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProjectMembers",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ProjectId = t.Column<Guid>(nullable: false),
                UserId = t.Column<Guid>(nullable: true),
                PersonId = t.Column<Guid>(nullable: true),
                Role = t.Column<string>(maxLength: 60, nullable: false),
                Gives = t.Column<string>(maxLength: 300, nullable: true),
                JoinedAtUtc = t.Column<DateTime>(nullable: false),
                AddedByUserId = t.Column<Guid>(nullable: true),
                LeftAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ProjectMembers", x => x.Id);
                t.ForeignKey("FK_ProjectMembers_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ProjectMembers_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ProjectMembers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.CheckConstraint("CK_ProjectMembers_OneWho", "(\"UserId\" IS NULL) <> (\"PersonId\" IS NULL)");
            });
        migrationBuilder.CreateIndex("IX_ProjectMembers_ProjectId_PersonId", "ProjectMembers", ["ProjectId", "PersonId"], unique: true,
            filter: "\"PersonId\" IS NOT NULL AND \"LeftAtUtc\" IS NULL");
        migrationBuilder.CreateIndex("IX_ProjectMembers_ProjectId_UserId", "ProjectMembers", ["ProjectId", "UserId"], unique: true,
            filter: "\"UserId\" IS NOT NULL AND \"LeftAtUtc\" IS NULL");
        migrationBuilder.CreateIndex("IX_ProjectMembers_PersonId", "ProjectMembers", "PersonId");
        migrationBuilder.CreateIndex("IX_ProjectMembers_UserId", "ProjectMembers", "UserId");

        migrationBuilder.CreateTable(
            name: "GroundRules",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ProjectId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 4000, nullable: false),
                WhatChanged = t.Column<string>(maxLength: 500, nullable: true),
                WrittenAtUtc = t.Column<DateTime>(nullable: false),
                WrittenByUserId = t.Column<Guid>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_GroundRules", x => x.Id);
                t.ForeignKey("FK_GroundRules_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_GroundRules_ProjectId_Version", "GroundRules", ["ProjectId", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "GroundRulesAgreed",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                GroundRulesId = t.Column<Guid>(nullable: false),
                MemberId = t.Column<Guid>(nullable: false),
                AgreedAtUtc = t.Column<DateTime>(nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_GroundRulesAgreed", x => x.Id);
                t.ForeignKey("FK_GroundRulesAgreed_GroundRules_GroundRulesId", x => x.GroundRulesId, "GroundRules", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_GroundRulesAgreed_ProjectMembers_MemberId", x => x.MemberId, "ProjectMembers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_GroundRulesAgreed_GroundRulesId_MemberId", "GroundRulesAgreed", ["GroundRulesId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_GroundRulesAgreed_MemberId", "GroundRulesAgreed", "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("GroundRulesAgreed");
        migrationBuilder.DropTable("GroundRules");
        migrationBuilder.DropTable("ProjectMembers");
    }
}
