using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 10, the person's record: a postal address or a named worker for those who chose to be reached that way, and
/// how they take part (pronouns, languages, when not to contact them, access needs as flags with the interpreter's
/// language and any other need in their words). All optional; nobody already kept has any. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203100000_PersonNeedsAndWays")]
public sealed class PersonNeedsAndWays : Migration
{
    private static readonly (string Name, int MaxLength)[] Texts =
    [
        ("PostalAddress", 300), ("ThroughWorker", 100), ("Pronouns", 40), ("Languages", 200), ("NotToContact", 200),
        ("InterpreterLanguage", 60), ("OtherAccessNeed", 200),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, maxLength) in Texts)
        {
            migrationBuilder.AddColumn<string>(name, "People", maxLength: maxLength, nullable: true);
        }

        migrationBuilder.AddColumn<int>("AccessNeeds", "People", nullable: false, defaultValue: 0);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in Texts.Select(t => t.Name).Append("AccessNeeds"))
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql($"ALTER TABLE \"People\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(column, "People");
            }
        }
    }
}
