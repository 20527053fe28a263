namespace WithUs.Tests.Features.Projects;

/// <summary>Publishing a project and stopping, as staff do on its Publish page (each form as the browser sends it).</summary>
public static class PublishSteps
{
    public static string PublishPage(this SignedIn staff, Guid projectId) => $"{staff.Org}/projects/{projectId}/publish";

    /// <summary>"Publish" (or "Save changes") with <paramref name="summary"/>.</summary>
    public static Task<HttpResponseMessage> PublishAsync(this SignedIn staff, Guid projectId, string summary) =>
        staff.PostPageAsync(staff.PublishPage(projectId), new() { ["Summary"] = summary });

    /// <summary>"Stop publishing": the page's second form.</summary>
    public static async Task<HttpResponseMessage> StopPublishingAsync(this SignedIn staff, Guid projectId)
    {
        var page = await staff.Client.GetPageAsync(staff.PublishPage(projectId));
        var form = page.QuerySelectorAll("main form[method='post']").Single(f => f.TextContent.Contains("Stop publishing", StringComparison.Ordinal));
        return await staff.Client.PostFormAsync(form.GetAttribute("action")!, form.Fields());
    }
}
