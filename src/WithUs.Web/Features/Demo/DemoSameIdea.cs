using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.SameIdea;
using static WithUs.Web.Features.Voice.Channel;
using static WithUs.Web.Features.Voice.ContributionKind;

namespace WithUs.Web.Features.Demo;

/// <summary>
/// In each demo organisation, someone who said an earlier idea again in their own words, recorded as a new idea:
/// the staff home offers the two as looking like the same idea. Offered by words when the demo is seeded, so a
/// newcomer sees the offer whether or not the sentence model is on (with it on, the background job may find more).
/// </summary>
public static class DemoSameIdea
{
    /// <summary>A new idea (<paramref name="Text"/>) saying again what an earlier one (<paramref name="Echoes"/>, its exact text) said; <paramref name="Person"/> indexes the organisation's people in <see cref="DemoVoice.Content"/>.</summary>
    public sealed record SaidAgain(string Text, string Echoes, ContributionKind Kind, Channel Channel, int DaysAgo, int? Person);

    /// <summary>In the order of <see cref="DemoSeeder.Organisations"/>.</summary>
    public static readonly IReadOnlyList<SaidAgain[]> ForOrganisations =
    [
        [new("Could we get the football team going again?", "Could we have a football team again?", Idea, Conversation, 3, 2)],
        [new("Could we have a trip to the seaside in August?", "A trip to the seaside in August.", Idea, GroupMeeting, 6, 4)],
        [new("It is so dark on the path to the hall on winter evenings.", "The path to the hall is dark in winter.", Concern, DropIn, 12, 3)],
        [new("Could there be an online group? I live too far away to come.", "An online group for people who live far away.", Idea, Phone, 4, 3)],
        [new("Could the park on Elm Road have play equipment?", "Play equipment for the small park on Elm Road.", Idea, Conversation, 9, 5)],
    ];

    /// <summary>Adds the organisation's ideas said again, then offers each with the earlier idea it echoes; the scope must
    /// act in that organisation, after <see cref="DemoVoice.SeedAsync"/>.</summary>
    public static async Task SeedAsync(IServiceProvider services, SaidAgain[] saidAgain, string[] names, Guid recordedBy,
        DateTime today, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<WithUsDbContext>();
        var people = await db.People.Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var added = saidAgain.Select(said => new Contribution
        {
            Id = Ids.New(),
            Text = said.Text,
            Kind = said.Kind,
            Channel = said.Channel,
            SaidOnUtc = today.AddDays(-said.DaysAgo),
            Provenance = Provenance.FirstHand,
            PersonId = said.Person is { } p ? people[names[p]] : null,
            Source = ContributionSource.Staff,
            RecordedByUserId = recordedBy,
            Outcome = OutcomeStatus.New,
            CreatedAtUtc = today.AddDays(-said.DaysAgo).AddHours(15),
        }).ToList();
        db.Contributions.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);

        var finder = services.GetRequiredService<SameIdeaFinder>();
        foreach (var idea in added)
        {
            await finder.OfferByWordsAsync(idea.Id, idea.Text, cancellationToken);
        }
    }
}
