using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace WithUs.Tests.Infrastructure.Security;

/// <summary>Several app nodes behind a load balancer: a cookie one node issues is honoured by the others.</summary>
public sealed class SharedKeysTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    /// <summary>One browser (one cookie jar) signs in through <paramref name="first"/>, then asks <paramref name="second"/> for its account page.</summary>
    private static async Task<HttpResponseMessage> SignInOnThenOpenAccountOnAsync(WithUsFactory first, WithUsFactory second, TestUser user)
    {
        var cookies = new CookieContainer();
        using var viaFirst = first.CreateDefaultClient(WithUsFactory.SiteAddress, new CookieContainerHandler(cookies));
        using var viaSecond = second.CreateDefaultClient(WithUsFactory.SiteAddress, new CookieContainerHandler(cookies));

        await viaFirst.SignInAsync(user);
        return await viaSecond.GetAsync(new Uri("/account", UriKind.Relative));
    }

    [DatabaseFact]
    public async Task SignInOnOneNode_IsHonouredByAnotherNodeOnTheSameDatabase()
    {
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        await using var otherNode = new WithUsFactory(app.Provider, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = app.Database.ConnectionString,
        });

        using var response = await SignInOnThenOpenAccountOnAsync(app, otherNode, partner);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var keys = await app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().DataProtectionKeys.CountAsync());
        keys.ShouldBe(1, "both nodes use the one key ring kept in the database");
    }

    [DatabaseFact]
    public async Task SignInCookie_IsRefusedByAnInstallationWithOtherKeys()
    {
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        await using var stranger = app.Fresh();

        using var response = await SignInOnThenOpenAccountOnAsync(app, stranger, partner);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }
}
