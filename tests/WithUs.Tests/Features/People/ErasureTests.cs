using System.Globalization;
using System.Text;
using WithUs.Web.Features.People;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.Tests.Features.People;

/// <summary>
/// Erasure (issue 10, UK GDPR Article 17): after an administrator erases a person, no trace of them is left in any
/// column of any table, what they said stays with no name, their partner account leaves, and the log says only that a
/// record was erased.
/// </summary>
public sealed class ErasureTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task AfterErasure_NoColumnOfAnyTableHoldsAnythingAboutThem_AndWhatTheySaidStaysWithNoName()
    {
        const string canary = "Qvxcanary";
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var account = await app.CreateUserAsync(email: $"{canary}.account@example.org", displayName: $"{canary} Account");
        await app.AddMembershipAsync(admin.Organisation, account, OrganisationRole.Partner);
        var person = await app.CreatePersonAsync(admin.Organisation, name: $"{canary} Person", mayContact: true, contactBy: ContactMethod.Email,
            email: $"{canary}.person@example.org", userId: account.Id);
        var neighbour = await app.CreatePersonAsync(admin.Organisation, name: "Nora Neighbour");
        var said = await app.CreateContributionAsync(admin.Organisation, "A bench by the door", c =>
        {
            c.PersonId = person.Id;
            c.RecordedByUserId = account.Id;
            c.ToldNote = $"Told {canary} at the drop-in";
        });
        var roles = await app.AddDefaultRolesAsync(admin.Organisation);
        var held = await app.GiveRoleAsync(admin.Organisation, person.Id, roles[3].Id, DateTime.UtcNow.AddDays(-400));
        var requirement = await app.RequireAsync(admin.Organisation, roles[3].Id, "Safeguarding", 12);
        await app.KeepEqualityAnswersAsync(admin.Organisation, person.Id, new Dictionary<string, string> { ["religion"] = "jewish" });
        await app.InScopeAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Set(admin.Organisation.ToEntity(), OrganisationRole.Administrator);
            var db = services.GetRequiredService<WithUsDbContext>();
            var kept = await db.People.SingleAsync(p => p.Id == person.Id);
            (kept.PostalAddress, kept.ThroughWorker, kept.Pronouns, kept.Languages, kept.NotToContact) =
                ($"1 {canary} Street", $"{canary} the worker", $"{canary}/pronoun", $"{canary}ish", $"Not on {canary}days");
            kept.AccessNeeds = AccessNeed.Interpreter | AccessNeed.Other;
            (kept.InterpreterLanguage, kept.OtherAccessNeed) = ($"{canary} language", $"A {canary} chair");
            PeopleRegister.Record(db, kept, ConsentKind.Photos, true, new ConsentSource(ConsentWay.ThroughSomeone, admin.User.Id, $"{canary}'s carer"), DateTime.UtcNow);
            db.Interests.Add(new Interest { Id = Guid.CreateVersion7(), PersonId = person.Id, ContributionId = said.Id, Kind = InterestKind.WouldTakePart, CreatedAtUtc = DateTime.UtcNow });
            db.ReachBacks.Add(new ReachBack { Id = Guid.CreateVersion7(), PersonId = person.Id, About = $"Invited {canary} to the panel", Method = ContactMethod.Email, AtUtc = DateTime.UtcNow });
            db.Recognitions.Add(new Recognition { Id = Guid.CreateVersion7(), PersonId = person.Id, Kind = RecognitionKind.Thanks, Title = $"Thanks {canary}", GivenOn = DateTime.UtcNow.Date, CreatedAtUtc = DateTime.UtcNow });
            db.TrainingRecords.Add(new TrainingRecord { Id = Guid.CreateVersion7(), PersonId = person.Id, RequirementId = requirement.Id, DoneOn = DateTime.UtcNow.Date, CreatedAtUtc = DateTime.UtcNow });
            db.DataRequests.Add(new DataRequest { Id = Guid.CreateVersion7(), PersonId = person.Id, Kind = DataRequestKind.Erasure, RequestedAtUtc = DateTime.UtcNow, DueOn = DateTime.UtcNow.Date.AddMonths(1) });
            db.Invitations.Add(new WithUs.Web.Features.Members.Invitation
            {
                Id = Guid.CreateVersion7(),
                Email = $"{canary}.person@example.org",
                NormalizedEmail = $"{canary}.PERSON@EXAMPLE.ORG".ToUpperInvariant(),
                Role = OrganisationRole.Partner,
                TokenHash = "hash-" + canary.Length,
                InvitedByUserId = admin.User.Id,
                PersonId = person.Id,
                CreatedAtUtc = DateTime.UtcNow,
                ExpiresAtUtc = DateTime.UtcNow.AddDays(7),
            });
            db.OutboxEmails.Add(new OutboxEmail { Id = Guid.CreateVersion7(), To = $"{canary}.person@example.org", Subject = "You are invited", Body = $"Hello {canary} Person", CreatedAtUtc = DateTime.UtcNow, SentAtUtc = DateTime.UtcNow });
            await services.GetRequiredService<EqualityMonitoring>().KeepPrivateNeedAsync(kept, $"{canary} private", CancellationToken.None);
            await db.SaveChangesAsync();
        });
        (await CellsHoldingAsync(canary)).ShouldNotBeEmpty("the canaries must be planted for this test to mean anything");

        using var erased = await admin.PostPageAsync($"{admin.Org}/people/{person.Id}/delete", []);

        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CellsHoldingAsync(canary)).ShouldBeEmpty();
        (await CellsHoldingAsync(person.Id.ToString(), except: "AuditEntries")).ShouldBeEmpty("only the audit log may name the erased record, by its id");
        (await CellsHoldingAsync(account.Id.ToString(), except: "AuditEntries")).ShouldBeEmpty("the account, which belonged nowhere else, is gone");
        var kept = await app.InOrganisationAsync(admin.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == said.Id));
        (kept.Text, kept.PersonId).ShouldBe(("A bench by the door", (Guid?)null));
        (await app.InOrganisationAsync(admin.Organisation, db => db.People.AsNoTracking().Select(p => p.Id).ToListAsync())).ShouldBe([neighbour.Id]);
        var request = await app.InOrganisationAsync(admin.Organisation, db => db.DataRequests.AsNoTracking().SingleAsync());
        (request.PersonId, request.DoneByUserId).ShouldBe(((Guid?)null, (Guid?)admin.User.Id));
        held.Id.ShouldNotBe(Guid.Empty);
    }

    [DatabaseFact]
    public async Task AnErasedPartner_IsSignedOutOfTheOrganisationAtOnce_AndKeepsAnAccountTheyUseElsewhere()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        using var partner = await app.AlsoSignedInAsync(admin.Organisation, OrganisationRole.Partner);
        var elsewhere = await app.CreateOrganisationAsync();
        await app.AddMembershipAsync(elsewhere, partner.User, OrganisationRole.Partner);
        var person = await app.CreatePersonAsync(admin.Organisation, name: "Leaving Lou", userId: partner.User.Id);
        (await partner.Client.GetAsync(new Uri($"{partner.Org}/about-me", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stampBefore = await app.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Users.AsNoTracking().Where(u => u.Id == partner.User.Id).Select(u => u.SecurityStamp).SingleAsync());

        using var erased = await admin.PostPageAsync($"{admin.Org}/people/{person.Id}/delete", []);

        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var after = await partner.Client.GetAsync(new Uri($"{partner.Org}/about-me", UriKind.Relative));
        after.StatusCode.ShouldNotBe(HttpStatusCode.OK, "they are no longer a member here");
        var stampAfter = await app.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Users.AsNoTracking().Where(u => u.Id == partner.User.Id).Select(u => u.SecurityStamp).SingleAsync());
        stampAfter.ShouldNotBe(stampBefore, "their sessions end");
        var log = await app.AuditEntriesAsync("PersonErased");
        log.ShouldContain(e => e.EntityId == person.Id.ToString() && e.Details!.EndsWith("their partner account left the organisation", StringComparison.Ordinal));
        log.ShouldAllBe(e => !e.Details!.Contains("Lou", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task OnlyAnAdministrator_CanErase()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);

        using var response = await staff.Client.GetAsync(new Uri($"{staff.Org}/people/{person.Id}/delete", UriKind.Relative));

        response.ShouldBeRefused();
        (await staff.Client.GetPageAsync($"{staff.Org}/people/{person.Id}")).QuerySelector("a[href$='/delete']").ShouldBeNull();
    }

    /// <summary>Every cell of every table in the database (read as text, or as UTF-8 for bytes) that contains the text.</summary>
    private async Task<List<string>> CellsHoldingAsync(string text, string? except = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<WithUsDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = app.Provider == DatabaseProvider.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Count.ShouldBeGreaterThan(20);
        var found = new List<string>();
        foreach (var table in tables.Where(t => t != except))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    var asText = value switch
                    {
                        null => null,
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                    };
                    if (asText?.Contains(text, StringComparison.OrdinalIgnoreCase) == true)
                    {
                        found.Add($"{table}.{reader.GetName(i)}");
                    }
                }
            }
        }

        return found;
    }
}
