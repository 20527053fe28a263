namespace WithUs.Tests.Infrastructure.Data;

/// <summary>
/// Regression tests for the ways EF lets a write cross organisations although the query filters hide the rows:
/// a stub entity, an Add without the tenant id, and bulk or raw SQL.
/// </summary>
public sealed class TenantWriteGuardTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private sealed record Setting(TestOrganisation A, TestOrganisation B, Invitation OfB);

    private async Task<Setting> TwoOrganisationsAsync()
    {
        var a = await app.CreateOrganisationAsync();
        var b = await app.CreateOrganisationAsync();
        var ofB = NewInvitation(Guid.Empty, "partner@b.example");
        await AddAsync(b, ofB);
        ofB.OrganisationId.ShouldBe(b.Id);
        return new Setting(a, b, ofB);
    }

    /// <summary>Adds the invitation as the app would while working in <paramref name="organisation"/>.</summary>
    private Task AddAsync(TestOrganisation organisation, Invitation invitation) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
        });

    private static Invitation NewInvitation(Guid organisationId, string email, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(),
        OrganisationId = organisationId,
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        Role = OrganisationRole.Partner,
        TokenHash = Guid.NewGuid().ToString("N"),
        InvitedByUserId = Guid.NewGuid(),
        CreatedAtUtc = DateTime.UtcNow,
        ExpiresAtUtc = DateTime.UtcNow.AddDays(7),
    };

    /// <summary>A stub of B's row, as an attacker who knows its id would build it, stamped with each organisation id.</summary>
    private static Guid StampFor(string stamp, Setting s) => stamp switch
    {
        "theirs" => s.B.Id,
        "ours" => s.A.Id,
        _ => Guid.Empty,
    };

    private Task<Invitation?> ReadAsB(Setting s) =>
        app.InOrganisationAsync(s.B, db => db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == s.OfB.Id));

    [DatabaseTheory]
    [InlineData("theirs")]
    [InlineData("ours")]
    [InlineData("none")]
    public async Task Update_OfStubBelongingToAnotherOrganisation_IsRefused(string stamp)
    {
        var s = await TwoOrganisationsAsync();
        var stub = NewInvitation(StampFor(stamp, s), "attacker@a.example", s.OfB.Id);
        stub.Role = OrganisationRole.Administrator;

        var refused = await Should.ThrowAsync<Exception>(() => app.InOrganisationAsync(s.A, async db =>
        {
            db.Invitations.Update(stub);
            await db.SaveChangesAsync();
        }));

        refused.ShouldSatisfyAllConditions(
            () => (refused is CrossTenantWriteException or DbUpdateConcurrencyException).ShouldBeTrue(refused.ToString()));
        var row = (await ReadAsB(s))!;
        row.Email.ShouldBe("partner@b.example");
        row.Role.ShouldBe(OrganisationRole.Partner);
    }

    [DatabaseTheory]
    [InlineData("theirs")]
    [InlineData("ours")]
    [InlineData("none")]
    public async Task Remove_OfStubBelongingToAnotherOrganisation_IsRefused(string stamp)
    {
        var s = await TwoOrganisationsAsync();
        var stub = NewInvitation(StampFor(stamp, s), "x@a.example", s.OfB.Id);

        var refused = await Should.ThrowAsync<Exception>(() => app.InOrganisationAsync(s.A, async db =>
        {
            db.Invitations.Remove(stub);
            await db.SaveChangesAsync();
        }));

        (refused is CrossTenantWriteException or DbUpdateConcurrencyException).ShouldBeTrue(refused.ToString());
        (await ReadAsB(s)).ShouldNotBeNull();
    }

    [DatabaseFact]
    public async Task Add_WithoutOrganisationId_IsStampedWithCurrentOrganisation()
    {
        var s = await TwoOrganisationsAsync();
        var invitation = NewInvitation(Guid.Empty, "new@a.example");

        await AddAsync(s.A, invitation);

        var saved = await app.InOrganisationAsync(s.A, db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id));
        saved.OrganisationId.ShouldBe(s.A.Id);
    }

    [DatabaseFact]
    public async Task Add_WithAnotherOrganisationsId_IsRefused()
    {
        var s = await TwoOrganisationsAsync();
        var invitation = NewInvitation(s.B.Id, "planted@b.example");

        await Should.ThrowAsync<CrossTenantWriteException>(() => AddAsync(s.A, invitation));

        (await app.InOrganisationAsync(s.B, db => db.Invitations.CountAsync(i => i.Id == invitation.Id))).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task Add_OutsideAnyOrganisation_IsRefused()
    {
        var s = await TwoOrganisationsAsync();
        var invitation = NewInvitation(s.B.Id, "nobody@b.example");

        await Should.ThrowAsync<CrossTenantWriteException>(() => app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
        }));
    }

    [DatabaseFact]
    public async Task ExecuteUpdateAndDelete_FromAnotherOrganisation_TouchNothing()
    {
        var s = await TwoOrganisationsAsync();

        var (updated, deleted) = await app.InOrganisationAsync(s.A, async db =>
        {
            var u = await db.Invitations.Where(i => i.Id == s.OfB.Id)
                .ExecuteUpdateAsync(x => x.SetProperty(i => i.Role, OrganisationRole.Administrator));
            var d = await db.Invitations.Where(i => i.Id == s.OfB.Id).ExecuteDeleteAsync();
            return (u, d);
        });

        (updated, deleted).ShouldBe((0, 0));
        (await ReadAsB(s))!.Role.ShouldBe(OrganisationRole.Partner);
    }

    [DatabaseFact]
    public async Task Read_FromAnotherOrganisation_SeesNoneOfItsRows()
    {
        var s = await TwoOrganisationsAsync();
        var ofA = NewInvitation(Guid.Empty, "own@a.example");
        await AddAsync(s.A, ofA);

        var seenByA = await app.InOrganisationAsync(s.A, async db => new
        {
            All = await db.Invitations.Select(i => i.Id).ToListAsync(),
            Found = await db.Invitations.FindAsync(s.OfB.Id),
            Organisations = await db.Invitations.Select(i => i.OrganisationId).Distinct().ToListAsync(),
        });
        var seenByNobody = await app.InScopeAsync(services =>
            services.GetRequiredService<WithUsDbContext>().Invitations.CountAsync());

        seenByA.All.ShouldContain(ofA.Id);
        seenByA.All.ShouldNotContain(s.OfB.Id);
        seenByA.Found.ShouldBeNull();
        seenByA.Organisations.ShouldBe([s.A.Id]);
        seenByNobody.ShouldBe(0);
    }
}
