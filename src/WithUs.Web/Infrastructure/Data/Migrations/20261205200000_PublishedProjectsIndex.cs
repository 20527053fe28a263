using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 11, publishing projects: the public list reads an organisation's published projects, the most recently
/// published first, and the landing page the newest few. This partial index holds exactly those rows in that order,
/// so each read is a seek however many projects the organisation keeps unpublished. Written by hand, provider-neutral
/// (the filter is the same SQL on both databases, and the same term as the queries' WHERE).
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261205200000_PublishedProjectsIndex")]
public sealed class PublishedProjectsIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_Projects_Published", "Projects", ["OrganisationId", "PublishedAtUtc", "Id"], filter: "\"IsPublished\"");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_Projects_Published", "Projects");
}
