using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.Tests.Infrastructure.Email;

/// <summary>
/// Links in email come from Email:PublicBaseUrl, never from the Host of a request (which anyone can forge): outside
/// Development WithUs will not start without it. Development, as the README's run command starts it, needs none.
/// </summary>
public sealed partial class PublicBaseUrlTests
{
    private readonly DatabaseProvider provider = TestDatabase.Current;

    [DatabaseTheory]
    [InlineData(null)]
    [InlineData(" ")]
    public async Task Production_WithoutIt_RefusesToStartAndSaysWhatToSet(string? setting)
    {
        await using var app = new WithUsFactory(provider, new Dictionary<string, string?> { ["Email:PublicBaseUrl"] = setting });

        var refusal = Should.Throw<Exception>(() => app.Services);

        Messages(refusal).ShouldContain(m => m.Contains("Email:PublicBaseUrl is not set") && m.Contains("Email__PublicBaseUrl=https://"));
    }

    [DatabaseTheory]
    [InlineData("withus.example.org")]
    [InlineData("ftp://withus.example.org")]
    [InlineData("https://withus.example.org/?next=elsewhere")]
    public async Task AnythingButAnAbsoluteWebAddress_RefusesToStart(string setting)
    {
        await using var app = new WithUsFactory(provider, new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Email:PublicBaseUrl"] = setting,
        });

        var refusal = Should.Throw<Exception>(() => app.Services);

        Messages(refusal).ShouldContain(m => m.Contains("Email:PublicBaseUrl must be the address people reach WithUs at"));
    }

    [DatabaseFact]
    public async Task Development_WithoutIt_StartsAndShowsEachEmailOnTheConsoleWithItsLinkWhole()
    {
        var console = new StringWriter();
        var shared = TextWriter.Synchronized(console);
        await using var development = new WithUsFactory(provider, new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Email:PublicBaseUrl"] = null,
        });
        var app = development.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new DevelopmentEmailConsole(shared))));
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://127.0.0.1:5000"), AllowAutoRedirect = false });
        var form = await client.GetPageAsync("/account/forgot-password");

        (await client.SubmitAsync(form, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var email = await Eventually.FoundAsync(async () => (await app.EmailsToAsync(user.Email)).SingleOrDefault(), "the reset email");
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        var link = ResetLink().Match(email.Body).Value;
        link.ShouldStartWith("http://127.0.0.1:5000/account/reset-password?user=", customMessage: "Development links to the address it was asked on");
        link.ShouldContain("&code=");
        string Shown()
        {
            lock (shared)
            {
                return console.ToString();
            }
        }

        await Eventually.TrueAsync(() => Task.FromResult(Shown().Contains(link, StringComparison.Ordinal)), "the email on the console");
        var shown = Shown();
        shown.Split(Environment.NewLine).ShouldContain(line => line.Trim() == link, $"the link, whole, on a line of its own:\n{shown}");
        shown.ShouldContain("Subject: Reset your WithUs password");
        shown.ShouldNotContain(user.Email, customMessage: "the address stays out of the console, as it does out of the log");
    }

    [DatabaseFact]
    public async Task Development_WithoutIt_LinksMadeOutsideARequest_UseTheAddressItListensAt()
    {
        // Background work (meeting reminders) makes links with no request to take an address from.
        await using var development = new WithUsFactory(provider, new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Email:PublicBaseUrl"] = null,
        });
        development.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        development.StartServer();
        var listening = development.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var link = await development.InScopeAsync(s => Task.FromResult(s.GetRequiredService<EmailOutbox>().Link("/o/harbour-lane/my-projects")));

        listening.ShouldStartWith("http://127.0.0.1:");
        link.ShouldBe(listening + "/o/harbour-lane/my-projects");
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
