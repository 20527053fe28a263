using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Settings;

/// <summary>
/// The organisation's own numbers for "building up" and "owed a reply", whether its public pages are open, and the time
/// zone whose days it lives by.
/// </summary>
[MinimumRole(OrganisationRole.Administrator)]
public sealed class IndexModel(WithUsDbContext db, TenantContext tenant, AuditLog audit) : OrganisationPageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public void OnGet()
    {
        var organisation = Organisation;
        Input = new SettingsInput
        {
            BuildUpThreshold = organisation.BuildUpThreshold.ToString(CultureInfo.InvariantCulture),
            BuildUpWindowDays = organisation.BuildUpWindowDays.ToString(CultureInfo.InvariantCulture),
            ResponseWindowDays = organisation.ResponseWindowDays.ToString(CultureInfo.InvariantCulture),
            PublicPagesOpen = organisation.PublicPagesOpen,
            TimeZone = organisation.TimeZone,
            RetentionYears = organisation.RetentionYears.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var threshold = Whole("Input.BuildUpThreshold", Input.BuildUpThreshold, 1, 1000, "How many voices");
        var window = Whole("Input.BuildUpWindowDays", Input.BuildUpWindowDays, 7, 3650, "The number of days for building up");
        var response = Whole("Input.ResponseWindowDays", Input.ResponseWindowDays, 1, 365, "The number of days to reply");
        if (Input.PublicPagesOpen is null)
        {
            ModelState.AddModelError("Input.PublicPagesOpen", "Choose whether the public pages are open");
        }

        // Left out (an older form, a script that sets only the numbers), the time zone stays as it is.
        var timeZone = string.IsNullOrWhiteSpace(Input.TimeZone) ? null : Input.TimeZone.Trim();
        if (timeZone is not null && OrganisationClock.FindZone(timeZone) is null)
        {
            ModelState.AddModelError("Input.TimeZone", "Enter a time zone from the IANA list, like Europe/London");
        }

        // Left out (an older form), the time people are kept stays as it is.
        int? retention = string.IsNullOrWhiteSpace(Input.RetentionYears)
            ? null
            : Whole("Input.RetentionYears", Input.RetentionYears, 1, Organisation.MaxRetentionYears, "The number of years");

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var organisation = await db.Organisations.SingleAsync(o => o.Id == tenant.RequiredOrganisationId, cancellationToken);
        var changed = new List<string>();
        if (organisation.BuildUpThreshold != threshold)
        {
            changed.Add("voices to build up");
        }

        if (organisation.BuildUpWindowDays != window)
        {
            changed.Add("days to build up");
        }

        if (organisation.ResponseWindowDays != response)
        {
            changed.Add("days to reply");
        }

        if (organisation.PublicPagesOpen != Input.PublicPagesOpen)
        {
            changed.Add(Input.PublicPagesOpen == true ? "public pages opened" : "public pages closed");
        }

        if (timeZone is not null && organisation.TimeZone != timeZone)
        {
            changed.Add($"time zone {timeZone}");
            organisation.TimeZone = timeZone;
        }

        if (retention is { } years && organisation.RetentionYears != years)
        {
            changed.Add($"people kept for {years} {(years == 1 ? "year" : "years")}");
            organisation.RetentionYears = years;
        }

        organisation.BuildUpThreshold = threshold;
        organisation.BuildUpWindowDays = window;
        organisation.ResponseWindowDays = response;
        organisation.PublicPagesOpen = Input.PublicPagesOpen!.Value;
        await db.SaveChangesAsync(cancellationToken);
        if (changed.Count > 0)
        {
            await audit.RecordAsync("SettingsChanged", details: "Changed: " + string.Join(", ", changed), cancellationToken: cancellationToken);
        }

        Notice = "Settings saved.";
        return RedirectToPage("/Settings/Index", new { org = Slug });
    }

    private int Whole(string key, string? typed, int minimum, int maximum, string what)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            ModelState.AddModelError(key, $"{what}: enter a whole number from {minimum} to {maximum}");
            return 0;
        }

        if (!int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            ModelState.AddModelError(key, $"{what} must be a whole number from {minimum} to {maximum}");
            return 0;
        }

        return value;
    }

    public sealed class SettingsInput
    {
        public string? BuildUpThreshold { get; set; }

        public string? BuildUpWindowDays { get; set; }

        public string? ResponseWindowDays { get; set; }

        /// <summary>Declared where it stands on the form, so its error takes that place in the summary.</summary>
        public string? TimeZone { get; set; }

        public bool? PublicPagesOpen { get; set; }

        public string? RetentionYears { get; set; }
    }
}
