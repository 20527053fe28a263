using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace WithUs.Web.Features.Public;

/// <summary>
/// The public pages that only read (the front door, "You said, we did" and its feed) are the same for every visitor,
/// so they are kept in the output cache, tagged with their organisation and evicted by <see cref="PublicPageEviction"/>
/// whenever what they show may have changed. Only a request with no cookie and no signed-in person is served from
/// the cache or stored in it: the layout shows who is signed in, and a notice or an antiforgery token comes with a
/// cookie. The "me too" and "say" forms are never cached. Each response carries an ETag (a hash of its body) and a
/// Last-Modified, so a browser or proxy that asks again gets 304 Not Modified.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicPageCacheAttribute : Attribute, IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var response = context.HttpContext.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode != StatusCodes.Status200OK)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.HttpContext.RequestAborted);
            return;
        }

        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()).AsSpan(0, 16)) + "\"");
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = TruncatedToSeconds(clock.GetUtcNow());
        // Kept, but asked about again each time: the answer is a cheap 304 while nothing has changed.
        response.Headers.CacheControl = "no-cache";

        var asked = context.HttpContext.Request.GetTypedHeaders().IfNoneMatch;
        if (asked.Any(e => e.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            return;
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.HttpContext.RequestAborted);
    }

    private static DateTimeOffset TruncatedToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
