using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WithUs.Web.Features.Site;

/// <summary>Friendly pages for 404, 403, 429, 500 and 503. The status code of the original response is kept.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with WithUs";

    public IReadOnlyList<string> Lines { get; private set; } = [];

    // No handler parameters: binding one reads the request's form, and a form that could not be read (too large, or a
    // NUL character) would fail again here and leave the person an empty page instead of this one.
    public void OnGet() => Describe(CodeFromRoute());

    public void OnPost() => Describe(CodeFromRoute());

    private int? CodeFromRoute() =>
        int.TryParse(RouteData.Values["code"] as string, out var code) ? code : null;

    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = code ?? StatusCodes.Status500InternalServerError;
        if (exception is not null && IsDatabaseUnavailable(exception))
        {
            logger.LogError(exception, "The database could not be reached");
            status = StatusCodes.Status503ServiceUnavailable;
        }

        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null || exception is not null)
        {
            Response.StatusCode = status;
        }

        (Heading, Lines) = status switch
        {
            404 => ("Page not found", (IReadOnlyList<string>)
            [
                "If you typed the web address, check it is correct.",
                "If you followed a link from someone, the page may have moved, or it may belong to an organisation you are not part of.",
            ]),
            403 => ("You cannot see this page", ["Your role in this organisation does not include this. Ask an administrator if you think it should."]),
            429 => ("Too many attempts", ["You have tried this too many times in a short while. Wait a minute, then try again."]),
            503 => ("Sorry, WithUs is unavailable right now", ["Nothing you sent has been saved. Try again in a few minutes."]),
            405 => ("Sorry, that did not work", ["This page only shows information, so there is nothing to send to it. Nothing was saved. Go back and try again."]),
            400 => ("Sorry, that did not work", ["The form may have expired, or what you sent was too long or had characters we cannot read. Nothing was saved. Go back, check what you wrote and try again."]),
            _ => ("Sorry, there is a problem with WithUs", ["Nothing you sent has been saved. Try again later."]),
        };
    }

    /// <summary>
    /// Only failures to reach the database count: a refused connection, a timeout, a busy or read-only file.
    /// A unique-key or concurrency conflict is a bug or a race, not an outage, and stays a 500.
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                    return false;
                case TimeoutException:
                    return true;
                case Microsoft.Data.Sqlite.SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 14:
                    return true;
                case DbException db when db.IsTransient
                                         || (db.SqlState is { } state && (state.StartsWith("08", StringComparison.Ordinal)
                                                                          || state.StartsWith("57P", StringComparison.Ordinal)
                                                                          || state.StartsWith("53", StringComparison.Ordinal))):
                    return true;
            }
        }

        return false;
    }
}
