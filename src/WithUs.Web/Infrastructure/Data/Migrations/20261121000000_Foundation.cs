using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Organisations, accounts, memberships, invitations, outbox, audit log and Data Protection keys.
/// Written by hand and provider-neutral: no store types, so SQLite and PostgreSQL each choose their own.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261121000000_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 100, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                DisabledAtUtc = t.Column<DateTime>(nullable: true),
                IsOperator = t.Column<bool>(nullable: false),
                IsDemo = t.Column<bool>(nullable: false),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(nullable: false),
                AccessFailedCount = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = t.Column<Guid>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: t => new
            {
                LoginProvider = t.Column<string>(nullable: false),
                ProviderKey = t.Column<string>(nullable: false),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: t => new
            {
                UserId = t.Column<Guid>(nullable: false),
                LoginProvider = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Organisations",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 120, nullable: false),
                Slug = t.Column<string>(maxLength: 60, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Organisations", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Memberships",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                UserId = t.Column<Guid>(nullable: false),
                Role = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Memberships", x => x.Id);
                t.ForeignKey("FK_Memberships_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id",
                    onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Memberships_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Invitations",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Email = t.Column<string>(maxLength: 256, nullable: false),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: false),
                Role = t.Column<int>(nullable: false),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                InvitedByUserId = t.Column<Guid>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                ExpiresAtUtc = t.Column<DateTime>(nullable: false),
                AcceptedAtUtc = t.Column<DateTime>(nullable: true),
                RevokedAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Invitations", x => x.Id);
                t.ForeignKey("FK_Invitations_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OutboxEmails",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                To = t.Column<string>(maxLength: 256, nullable: false),
                Subject = t.Column<string>(maxLength: 200, nullable: false),
                Body = t.Column<string>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                SentAtUtc = t.Column<DateTime>(nullable: true),
                Attempts = t.Column<int>(nullable: false),
                LockedUntilUtc = t.Column<DateTime>(nullable: true),
                LastError = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_OutboxEmails", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: true),
                ActorUserId = t.Column<Guid>(nullable: true),
                Action = t.Column<string>(maxLength: 100, nullable: false),
                EntityType = t.Column<string>(maxLength: 100, nullable: true),
                EntityId = t.Column<string>(maxLength: 100, nullable: true),
                Details = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                FriendlyName = t.Column<string>(maxLength: 200, nullable: false),
                Xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        migrationBuilder.CreateIndex("IX_Organisations_Slug", "Organisations", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_Memberships_OrganisationId_UserId", "Memberships",
            ["OrganisationId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_Memberships_UserId", "Memberships", "UserId");
        migrationBuilder.CreateIndex("IX_Invitations_TokenHash", "Invitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_Invitations_OrganisationId_NormalizedEmail", "Invitations",
            ["OrganisationId", "NormalizedEmail"]);
        migrationBuilder.CreateIndex("IX_OutboxEmails_SentAtUtc", "OutboxEmails", "SentAtUtc");
        migrationBuilder.CreateIndex("IX_AuditEntries_OrganisationId_AtUtc", "AuditEntries", ["OrganisationId", "AtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "DataProtectionKeys", "AuditEntries", "OutboxEmails", "Invitations", "Memberships", "Organisations",
                     "AspNetUserTokens", "AspNetUserLogins", "AspNetUserClaims", "AspNetUsers",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
