namespace WithUs.Tests.Features.Voice;

/// <summary>
/// Each idea's voices, kept on its row by the database (migration VoiceCountOnEachIdea), equal a recount after every
/// kind of change: through EF and around it (ExecuteUpdate, ExecuteDelete, the bulk writer, the database's own ON DELETE
/// SET NULL), and the idea's page shows the kept number.
/// </summary>
public sealed class VoiceCountKeptTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Voices_EqualARecount_AfterEachKindOfChange()
    {
        using var staff = await app.SignedInAsync();
        var organisation = staff.Organisation;
        var ann = await app.CreatePersonAsync(organisation, name: "Ann Aspinall");
        var bob = await app.CreatePersonAsync(organisation, name: "Bob Bright");
        var idea = await app.CreateContributionAsync(organisation, "A warm room on winter evenings", c => c.PersonId = ann.Id);
        var other = await app.CreateContributionAsync(organisation, "Hot drinks at the door");
        (await VoicesAsync(staff, idea.Id)).ShouldBe(1);

        Contribution MeToo(Contribution c, Guid? person)
        {
            c.LinkedToId = idea.Id;
            c.PersonId = person;
            return c;
        }

        // Ann again (she is the idea's own voice), Bob twice, and two anonymous: Ann, Bob, and the two anonymous.
        var annAgain = await app.CreateContributionAsync(organisation, "Still cold in there", c => MeToo(c, ann.Id));
        var bobFirst = await app.CreateContributionAsync(organisation, "Yes please", c => MeToo(c, bob.Id));
        await app.CreateContributionAsync(organisation, "Me too", c => MeToo(c, bob.Id));
        var anonymous = await app.CreateContributionAsync(organisation, "Same here", c => MeToo(c, null));
        await app.CreateContributionAsync(organisation, "Agreed", c => MeToo(c, null));
        await ShouldBeRecountedAsync(organisation, "after \"me too\"s were saved through EF");
        (await VoicesAsync(staff, idea.Id)).ShouldBe(4);

        // A voice moves to another idea, around the change tracker.
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == anonymous.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedToId, other.Id)));
        await ShouldBeRecountedAsync(organisation, "after a voice moved to another idea");
        (await VoicesAsync(staff, idea.Id)).ShouldBe(3);
        (await VoicesAsync(staff, other.Id)).ShouldBe(2);

        // Ann's second row is given to Bob through EF: Ann still has the idea itself, Bob already counted.
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.Contributions.SingleAsync(c => c.Id == annAgain.Id)).PersonId = bob.Id;
            await db.SaveChangesAsync();
        });
        await ShouldBeRecountedAsync(organisation, "after a voice's person changed");
        (await VoicesAsync(staff, idea.Id)).ShouldBe(3);

        // The idea's own person changes: Bob's rows now repeat the idea's own voice.
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == idea.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PersonId, bob.Id)));
        await ShouldBeRecountedAsync(organisation, "after the idea's own person changed");
        (await VoicesAsync(staff, idea.Id)).ShouldBe(2);

        // Bob is deleted by the database (ON DELETE SET NULL): each of his rows becomes an anonymous voice of its own.
        await app.InOrganisationAsync(organisation, db => db.People.Where(p => p.Id == bob.Id).ExecuteDeleteAsync());
        await ShouldBeRecountedAsync(organisation, "after the database took Bob off his rows");
        (await VoicesAsync(staff, idea.Id)).ShouldBe(5);

        // A voice deleted; then a voice made an idea of its own ("let it stand on its own").
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == bobFirst.Id).ExecuteDeleteAsync());
        await ShouldBeRecountedAsync(organisation, "after a voice was deleted");
        (await VoicesAsync(staff, idea.Id)).ShouldBe(4);
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == annAgain.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedToId, (Guid?)null)));
        await ShouldBeRecountedAsync(organisation, "after a voice stood on its own");
        (await VoicesAsync(staff, idea.Id)).ShouldBe(3);
        (await VoicesAsync(staff, annAgain.Id)).ShouldBe(1);

        // An idea made a "me too" of another idea: it is one voice, and the other idea gains it.
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == annAgain.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedToId, other.Id)));
        await ShouldBeRecountedAsync(organisation, "after an idea became a \"me too\"");
        (await VoicesAsync(staff, other.Id)).ShouldBe(3);

        // The idea is deleted: the database unlinks its voices, each an idea of one.
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == idea.Id).ExecuteDeleteAsync());
        await ShouldBeRecountedAsync(organisation, "after the idea was deleted");
    }

    [DatabaseFact]
    public async Task Voices_AreKeptThroughTheBulkWriter_AndRebuiltWhenSpoilt_InTheirOwnOrganisationOnly()
    {
        using var staff = await app.SignedInAsync();
        using var elsewhere = await app.SignedInAsync();
        var organisation = staff.Organisation;
        var cath = await app.CreatePersonAsync(organisation, name: "Cath Cole");
        var ideaId = Guid.CreateVersion7();
        Contribution Row(Guid? linkedTo, Guid? person, string text) => new()
        {
            Id = linkedTo is null ? ideaId : Guid.CreateVersion7(),
            OrganisationId = organisation.Id,
            Text = text,
            LinkedToId = linkedTo,
            PersonId = person,
            SaidOnUtc = DateTime.UtcNow.Date,
            CreatedAtUtc = DateTime.UtcNow,
        };
        await app.InOrganisationAsync(organisation, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.WriteAsync(db, new[]
            {
                Row(null, null, "Bus passes for volunteers"),
                Row(ideaId, cath.Id, "I'd come more often"),
                Row(ideaId, cath.Id, ""),
                Row(ideaId, null, ""),
            }, CancellationToken.None);
            await transaction.CommitAsync();
        });
        await ShouldBeRecountedAsync(organisation, "after a bulk write");
        (await VoicesAsync(staff, ideaId)).ShouldBe(3);

        var theirs = await app.CreateContributionAsync(elsewhere.Organisation, "Their own idea");
        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == ideaId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.VoiceCount, 40)));
        await app.InOrganisationAsync(elsewhere.Organisation, db => db.Contributions.Where(c => c.Id == theirs.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.VoiceCount, 7)));
        (await app.InOrganisationAsync(organisation, db => VoiceCounts.DriftAsync(db))).ShouldBe(1);
        (await VoicesAsync(staff, ideaId)).ShouldBe(40, "the page reads the kept count");

        (await app.InOrganisationAsync(organisation, db => VoiceCounts.RebuildAsync(db))).ShouldBe(1);

        await ShouldBeRecountedAsync(organisation, "after the rebuild");
        (await VoicesAsync(staff, ideaId)).ShouldBe(3);
        (await app.InOrganisationAsync(elsewhere.Organisation, db => VoiceCounts.DriftAsync(db))).ShouldBe(1, "another organisation's rows are not rebuilt");
    }

    /// <summary>The number in the idea page's "Voices (n)" heading.</summary>
    private static async Task<int> VoicesAsync(SignedIn staff, Guid id)
    {
        var heading = (await staff.Client.GetPageAsync($"{staff.Org}/voice/{id}")).QuerySelector("#voices")!.TextContent;
        return int.Parse(heading.Split('(', ')')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ShouldBeRecountedAsync(TestOrganisation organisation, string when) =>
        (await app.InOrganisationAsync(organisation, db => VoiceCounts.DriftAsync(db))).ShouldBe(0, $"Ideas whose kept voices are wrong {when}");
}
