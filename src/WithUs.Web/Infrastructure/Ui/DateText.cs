namespace WithUs.Web.Infrastructure.Ui;

/// <summary>A day as a date field sends it ("2026-11-21") or as people type it without one ("21/11/2026").</summary>
public static class DateText
{
    public static DateOnly? Parse(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
          || DateOnly.TryParseExact(value.Trim(), ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            ? day
            : null;

    /// <summary>The form a date field shows.</summary>
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
