using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace WithUs.Tests.Infrastructure.Security;

/// <summary>Several app nodes behind a load balancer: a cookie one node issues is honoured by the others.</summary>
public sealed class SharedKeysTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task SignInOnOneNode_IsHonouredByAnotherNodeOnTheSameDatabase()
    {
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        await using var otherNode = new WithUsFactory(app.Provider, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = app.Database.ConnectionString,
        });
        var cookies = new CookieContainer();
        using var viaFirstNode = app.CreateDefaultClient(WithUsFactory.SiteAddress, new CookieContainerHandler(cookies));
        using var viaOtherNode = otherNode.CreateDefaultClient(WithUsFactory.SiteAddress, new CookieContainerHandler(cookies));

        await viaFirstNode.SignInAsync(partner);
        using var response = await viaOtherNode.GetAsync(new Uri("/account", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var keys = await app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().DataProtectionKeys.CountAsync());
        keys.ShouldBe(1, "both nodes use the one key ring kept in the database");
    }

    [DatabaseFact]
    public async Task SignInCookie_IsRefusedByAnInstallationWithOtherKeys()
    {
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        await using var stranger = app.Fresh();
        var cookies = new CookieContainer();
        using var viaApp = app.CreateDefaultClient(WithUsFactory.SiteAddress, new CookieContainerHandler(cookies));
        using var viaStranger = stranger.CreateDefaultClient(WithUsFactory.SiteAddress, new CookieContainerHandler(cookies));

        await viaApp.SignInAsync(partner);
        using var response = await viaStranger.GetAsync(new Uri("/account", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }
}
