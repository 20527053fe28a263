using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 10, roles over time: the ways people are involved in each organisation (every organisation already here
/// gets the defaults, as a new one does) and each stretch of a person holding one. Written by hand, provider-neutral
/// but for making new ids.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203300000_RolesOverTime")]
public sealed class RolesOverTime : Migration
{
    // As InvolvementRoles.Defaults was when this was written: a migration does the same whatever the code says later.
    private static readonly string[] Defaults =
    [
        "Service user", "Member", "Committee member", "Volunteer", "Peer mentor", "Event host", "Panel member", "Trustee",
        "Champion", "Other",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "InvolvementRoles",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 60, nullable: false),
                Position = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_InvolvementRoles", x => x.Id);
                t.ForeignKey("FK_InvolvementRoles_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InvolvementRoles_OrganisationId_Name", "InvolvementRoles", ["OrganisationId", "Name"], unique: true);

        migrationBuilder.CreateTable(
            name: "PersonRoles",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                PersonId = t.Column<Guid>(nullable: false),
                RoleId = t.Column<Guid>(nullable: false),
                StartedOn = t.Column<DateTime>(nullable: false),
                EndedOn = t.Column<DateTime>(nullable: true),
                RecordedByUserId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PersonRoles", x => x.Id);
                t.ForeignKey("FK_PersonRoles_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PersonRoles_InvolvementRoles_RoleId", x => x.RoleId, "InvolvementRoles", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PersonRoles_PersonId_StartedOn", "PersonRoles", ["PersonId", "StartedOn"]);
        migrationBuilder.CreateIndex("IX_PersonRoles_OrganisationId_RoleId_EndedOn", "PersonRoles", ["OrganisationId", "RoleId", "EndedOn"]);
        migrationBuilder.CreateIndex("IX_PersonRoles_RoleId", "PersonRoles", "RoleId");

        var newId = migrationBuilder.IsSqlite()
            ? "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))"
            : "gen_random_uuid()";
        var now = migrationBuilder.IsSqlite() ? "strftime('%Y-%m-%d %H:%M:%f', 'now')" : "now() at time zone 'utc'";
        for (var i = 0; i < Defaults.Length; i++)
        {
            migrationBuilder.Sql($"""
                INSERT INTO "InvolvementRoles" ("Id", "OrganisationId", "Name", "Position", "CreatedAtUtc")
                SELECT {newId}, "Id", '{Defaults[i]}', {i}, {now} FROM "Organisations";
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PersonRoles");
        migrationBuilder.DropTable("InvolvementRoles");
    }
}
