using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace WithUs.Web.Features.Public;

/// <summary>
/// The output cache's rules for the public pages that only read (see <see cref="PublicPageCacheAttribute"/>): an
/// anonymous GET or HEAD with no cookie is looked up and stored, tagged with the organisation it shows.
/// </summary>
public sealed class PublicOutputCachePolicy : IOutputCachePolicy
{
    public const string Name = "public-pages";

    /// <summary>
    /// Changes saved through EF evict at once; the few written in bulk (linking ideas found to be the same) show within
    /// this long.
    /// </summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    public static string Tag(Guid organisationId) => "public-pages-" + organisationId.ToString("N");

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = context.HttpContext.User.Identity?.IsAuthenticated != true
                        && !request.Headers.ContainsKey(HeaderNames.Authorization)
                        && !request.Headers.ContainsKey(HeaderNames.Cookie);
        var reading = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous && reading;
        context.AllowCacheStorage = anonymous && reading;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Expiry;
        // Only the keys the pages read ("You said, we did"'s page keys): with every key, any made-up query string
        // would be an entry of its own, and a script could fill the cache with copies of one page.
        context.CacheVaryByRules.QueryKeys = new([YouSaidWeDidModel.AfterKey, YouSaidWeDidModel.BeforeKey]);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var organisation = context.HttpContext.RequestServices.GetRequiredService<TenantContext>().Organisation;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Any(c => !Expires(c)) || organisation is null)
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        context.Tags.Add(Tag(organisation.Id));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Every page clears the notice cookie (TempData) it did not get: harmless to replay to visitors who, being served
    /// from the cache, have no cookie at all. Any other cookie makes the response personal.
    /// </summary>
    private static bool Expires(string? setCookie) =>
        setCookie is not null && setCookie.Contains("expires=Thu, 01 Jan 1970 00:00:00 GMT", StringComparison.OrdinalIgnoreCase);
}
