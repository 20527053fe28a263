namespace WithUs.Web.Features.Account;

/// <summary>Return addresses are followed only when they stay on this site: "/o/x" yes; "//evil", "https://evil", "/\evil" no.</summary>
public static class LocalReturnUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string Or(string? url, string fallback = "/") => IsLocal(url) ? url! : fallback;
}
