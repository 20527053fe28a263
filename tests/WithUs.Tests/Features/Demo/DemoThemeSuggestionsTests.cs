using WithUs.Web.Features.Demo;
using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Tests.Features.Demo;

/// <summary>In each demo organisation, typing something like an earlier idea offers that idea's themes.</summary>
public sealed class DemoThemeSuggestionsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task EveryDemoOrganisation_OffersTheThemesOfAnEarlierIdeaLikeWhatIsTyped_AndDescribesEachTheme()
    {
        await using var demo = app.Fresh(new Dictionary<string, string?> { ["Database:Demo"] = "true" });
        using (demo.CreateBrowser())
        {
        }

        (string Organisation, string Typed, string[] Themes)[] examples =
        [
            ("Harbour Lane Day Centre", "a hot breakfast every morning please", ["Food"]),
            ("Evergreen Social Club", "could a minibus bring us to the club", ["Getting here"]),
            ("Brookside Community Network", "more badminton evenings please", ["Sport and exercise", "Women only"]),
            ("Open Arms Cancer Support", "a peer support group in the evening", ["Peer support"]),
            ("Millbrook Homes", "the grant form is too long for our small group", ["Community grants"]),
        ];
        examples.Select(e => e.Organisation).ShouldBe(DemoSeeder.Organisations.Select(o => o.Name));
        var organisations = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking().ToListAsync());
        foreach (var (name, typed, themes) in examples)
        {
            var organisation = organisations.Single(o => o.Name == name);
            var offered = await demo.InScopeAsync(async services =>
            {
                services.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Staff);
                var db = services.GetRequiredService<WithUsDbContext>();
                (await db.Themes.CountAsync(t => t.Description == null)).ShouldBe(0, $"{name}: every theme says what it is for");
                var similar = await services.GetRequiredService<SimilarContributions>().FindAsync(typed, ThemeSuggestions.IdeasConsidered);
                return await services.GetRequiredService<ThemeSuggestions>().SuggestAsync(typed, similar);
            });

            offered.Select(t => t.Name).ShouldBe(themes, ignoreOrder: true, $"{name}: \"{typed}\"");
        }
    }
}
