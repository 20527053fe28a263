namespace WithUs.Tests.Features.Voice.MyVoice;

/// <summary>A partner signed in to an organisation, and what they add there, for the My voice page tests.</summary>
internal static class MyVoiceSteps
{
    internal sealed record Partner(TestOrganisation Organisation, TestUser User, HttpClient Client, string MyVoice);

    internal static async Task<Partner> SignedInPartnerAsync(WithUsFactory app, TestOrganisation? organisation = null)
    {
        organisation ??= await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync();
        await app.AddMembershipAsync(organisation, user, OrganisationRole.Partner);
        var client = app.CreateBrowser();
        await client.SignInAsync(user);
        return new Partner(organisation, user, client, $"/o/{organisation.Slug}/my-voice");
    }

    internal static async Task<HttpResponseMessage> AddAsync(Partner partner, string text, string kind = nameof(ContributionKind.Idea),
        string consent = "true")
    {
        var url = partner.MyVoice + "/new";
        var page = await partner.Client.GetPageAsync(url);
        return await partner.Client.SubmitAsync(page, url, new Dictionary<string, string>
        {
            ["Input.Text"] = text,
            ["Input.Kind"] = kind,
            ["Input.Consent"] = consent,
        });
    }
}
