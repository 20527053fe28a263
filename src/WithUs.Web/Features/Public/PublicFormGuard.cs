using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace WithUs.Web.Features.Public;

/// <summary>How quickly and how late a public form may be sent (configuration section "PublicForms").</summary>
public sealed class PublicFormOptions
{
    public const string Section = "PublicForms";

    /// <summary>A person takes longer than this to read and fill a form; a bot usually does not.</summary>
    public double MinimumSeconds { get; set; } = 3;

    /// <summary>A form kept open longer than this must be sent again, so an old copied form cannot be replayed for ever.</summary>
    public double MaximumHours { get; set; } = 24;

    public static PublicFormOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<PublicFormOptions>() ?? new PublicFormOptions();
}

public enum FormTiming
{
    InTime = 0,
    Missing = 1,
    TooQuick = 2,
    TooOld = 3,
}

/// <summary>
/// Spam protection for the public forms without any outside service: a field only a bot fills (the honeypot), and a
/// protected "issued at" time written into the form, so a form sent within seconds of being shown, or a day later,
/// or with the time changed, is refused. (The third part, a limit per address, is the "public-form" rate limit.)
/// </summary>
public sealed class PublicFormGuard(IDataProtectionProvider protection, TimeProvider clock, PublicFormOptions options, Guid organisationId)
{
    public const string HoneypotField = "Website";
    public const string IssuedField = "FormIssued";

    private readonly IDataProtector protector = protection.CreateProtector("WithUs.Public.FormIssued.v1");

    public static PublicFormGuard Create(IServiceProvider services, Guid organisationId) => new(
        services.GetRequiredService<IDataProtectionProvider>(),
        services.GetRequiredService<TimeProvider>(),
        PublicFormOptions.From(services.GetRequiredService<IConfiguration>()),
        organisationId);

    /// <summary>The value for the hidden field: when this form was shown, for this organisation, sealed.</summary>
    public string Issue() =>
        protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{organisationId:N}|{clock.GetUtcNow().UtcTicks}"));

    public static bool IsBot(string? honeypot) => !string.IsNullOrEmpty(honeypot);

    public FormTiming Check(string? issued)
    {
        if (string.IsNullOrEmpty(issued))
        {
            return FormTiming.Missing;
        }

        string plain;
        try
        {
            plain = protector.Unprotect(issued);
        }
        catch (CryptographicException)
        {
            return FormTiming.Missing;
        }

        var parts = plain.Split('|');
        if (parts.Length != 2 || parts[0] != organisationId.ToString("N")
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return FormTiming.Missing;
        }

        var elapsed = clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        if (elapsed < TimeSpan.FromSeconds(options.MinimumSeconds))
        {
            return FormTiming.TooQuick;
        }

        return elapsed > TimeSpan.FromHours(options.MaximumHours) ? FormTiming.TooOld : FormTiming.InTime;
    }

    /// <summary>What to tell a person whose form was refused for its timing: plain, and never blaming.</summary>
    public static string Message(FormTiming timing) => timing switch
    {
        FormTiming.TooQuick => "That was very quick. Please check what you wrote, then send it again",
        FormTiming.TooOld => "This page was open for a long time. Please check what you wrote, then send it again",
        _ => "Something went wrong with the form. Please check what you wrote, then send it again",
    };
}
