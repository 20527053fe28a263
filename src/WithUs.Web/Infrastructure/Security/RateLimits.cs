using System.Threading.RateLimiting;

namespace WithUs.Web.Infrastructure.Security;

/// <summary>Per-address limits on sign-in, password reset and every public form. Over the limit: 429 with Retry-After.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int SignInPerMinute { get; set; } = 10;

    public int PublicFormPerMinute { get; set; } = 5;
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicForm = "public-form";

    public static IServiceCollection AddWithUsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(SignIn, context => PerAddress(context, limits.SignInPerMinute));
            options.AddPolicy(PublicForm, context => PerAddress(context, limits.PublicFormPerMinute));
        });
        return services;
    }

    /// <summary>Only form posts count: reading a page is never limited, so a person can always see the error.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext context, int permitsPerMinute)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
