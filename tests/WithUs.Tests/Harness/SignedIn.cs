namespace WithUs.Tests.Harness;

/// <summary>A member of an organisation, signed in on their own browser-like client.</summary>
public sealed record SignedIn(TestOrganisation Organisation, TestUser User, HttpClient Client) : IDisposable
{
    public string Org => $"/o/{Organisation.Slug}";

    public void Dispose() => Client.Dispose();
}

public static class SignedInClients
{
    public static async Task<SignedIn> SignedInAsync(this WithUsFactory app, OrganisationRole role = OrganisationRole.Staff)
    {
        var (organisation, user) = await app.CreateMemberAsync(role, twoFactor: role != OrganisationRole.Partner);
        var client = app.CreateBrowser();
        await client.SignInAsync(user, clock: app.Services.GetRequiredService<TimeProvider>());
        return new SignedIn(organisation, user, client);
    }

    /// <summary>Another member of the same organisation, signed in on their own browser.</summary>
    public static async Task<SignedIn> AlsoSignedInAsync(this WithUsFactory app, TestOrganisation organisation,
        OrganisationRole role)
    {
        var user = await app.CreateUserAsync(twoFactor: role != OrganisationRole.Partner);
        await app.AddMembershipAsync(organisation, user, role);
        var client = app.CreateBrowser();
        await client.SignInAsync(user, clock: app.Services.GetRequiredService<TimeProvider>());
        return new SignedIn(organisation, user, client);
    }

    public static async Task<HttpResponseMessage> PostPageAsync(this SignedIn who, string url, Dictionary<string, string> values)
    {
        var page = await who.Client.GetPageAsync(url);
        return await who.Client.SubmitAsync(page, url, values);
    }

    /// <summary>As <see cref="PostPageAsync(SignedIn, string, Dictionary{string, string})"/>, with more values for
    /// fields that take several (ticked checkboxes): <paramref name="extra"/> is sent as well, not instead.</summary>
    public static async Task<HttpResponseMessage> PostPageAsync(this SignedIn who, string url, Dictionary<string, string> values,
        IEnumerable<(string Name, string Value)> extra)
    {
        var page = await who.Client.GetPageAsync(url);
        var replaced = values.Keys.Concat(extra.Select(e => e.Name)).ToHashSet();
        var fields = page.MainForm().Fields().Where(f => !replaced.Contains(f.Key)).ToList();
        fields.AddRange(values);
        fields.AddRange(extra.Select(e => KeyValuePair.Create(e.Name, e.Value)));
        return await who.Client.PostFormAsync(url, fields);
    }

    /// <summary>A partner is refused a staff page: 403, or a redirect to the 403 page.</summary>
    public static void ShouldBeRefused(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            new Uri(WithUsFactory.SiteAddress, response.Location()).AbsolutePath.ShouldBe("/error/403");
        }
    }
}
