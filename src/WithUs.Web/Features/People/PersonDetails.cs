using System.Net.Mail;
using PhoneNumbers;

namespace WithUs.Web.Features.People;

/// <summary>
/// The one set of rules for what names a person and how they are reached: a name, an email address, a phone number
/// (issue 10: today's forms each had their own, with three different ideas of a phone number). Each check gives back
/// the value as it is kept, or a message to show beside the field; none of them decides whether the field was
/// required, which is the form's question.
/// </summary>
public static class PersonDetails
{
    /// <summary>Where a number written without its country code is taken to be.</summary>
    public const string HomeRegion = "GB";

    public const string EmailProblem = "Enter an email address in the right format, like name@example.org";

    public const string PhoneProblem = "Enter a phone number, like 07700 900982, or with its country code, like +33 1 42 68 53 00";

    private const int UkCountryCode = 44;

    // libphonenumber reads its metadata when first asked: only when a phone number is checked, not a name or email.
    private static PhoneNumberUtil Phones => PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Ofcom keeps 07700 900000 to 900999 for drama and examples, so no real person has one; libphonenumber counts them
    /// invalid. WithUs's own hints, demo and tests use them, so they are accepted as the mobiles they look like.
    /// </summary>
    private static bool IsForDrama(PhoneNumber number) =>
        number.CountryCode == UkCountryCode && number.NationalNumber is >= 7700900000 and <= 7700900999;

    /// <summary>A name or pseudonym: any language's letters, trimmed and in one canonical form.
    /// <paramref name="called"/> begins the message, in the form's own voice ("Your name", "Their name").</summary>
    public static Checked Name(string? typed, string called = "The name") => Text(typed, called, Person.NameMaxLength);

    /// <summary>One line of words about a person (a name, who spoke for them), by the same rule as a name; with
    /// <paramref name="lines"/>, several lines (a postal address), each kept as typed.</summary>
    public static Checked Text(string? typed, string called, int maxLength, bool lines = false)
    {
        var text = PlainTextAttribute.Clean(typed);
        if (text.Length == 0)
        {
            return Checked.Missing;
        }

        if (text.Length > maxLength)
        {
            return Checked.Because($"{called} must be {maxLength} characters or fewer");
        }

        if (lines)
        {
            text = text.ReplaceLineEndings("\n");
        }

        return PlainTextAttribute.IsPlain(text) && (lines || !text.Contains('\n')) && !text.Contains('\t') && !text.Contains('\r')
            ? Checked.As(text)
            : Checked.Because($"{called} can only have letters, numbers, spaces and punctuation");
    }

    /// <summary>
    /// An address mail can be sent to, as typed (trimmed): unusual ones are welcome (a plus, an apostrophe, letters
    /// of any language, a long top-level domain); a display name, two addresses, spaces or a domain without a dot
    /// are not.
    /// </summary>
    public static Checked Email(string? typed)
    {
        var email = PlainTextAttribute.Clean(typed);
        if (email.Length == 0)
        {
            return Checked.Missing;
        }

        if (email.Length > Person.EmailMaxLength || !PlainTextAttribute.IsPlain(email) || email.Any(char.IsWhiteSpace)
            || email.Count(c => c == '@') != 1 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            return Checked.Because(EmailProblem);
        }

        var domain = address.Host;
        return address.User.Length is > 0 and <= 64 && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.')
               && !domain.Contains("..", StringComparison.Ordinal)
            ? Checked.As(email)
            : Checked.Because(EmailProblem);
    }

    /// <summary>
    /// A real phone number (Google's libphonenumber: its length and range are checked for the country): a UK number
    /// as people write it, or any country's with its code. Kept as typed (trimmed): numbers recorded before this check
    /// and numbers in an imported export must read the same after a round trip.
    /// </summary>
    public static Checked Phone(string? typed)
    {
        var phone = PlainTextAttribute.Clean(typed);
        if (phone.Length == 0)
        {
            return Checked.Missing;
        }

        if (phone.Length > Person.PhoneMaxLength || !PlainTextAttribute.IsPlain(phone)
            || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.'))
        {
            return Checked.Because(PhoneProblem);
        }

        try
        {
            var number = Phones.Parse(phone, HomeRegion);
            if (!Phones.IsValidNumber(number) && !IsForDrama(number))
            {
                return Checked.Because(PhoneProblem);
            }

            return Checked.As(phone);
        }
        catch (NumberParseException)
        {
            return Checked.Because(PhoneProblem);
        }
    }
}

/// <summary>What a check of one detail found: the value as kept, nothing given, or a message for the person.</summary>
public readonly record struct Checked(string? Value, string? Problem)
{
    public static readonly Checked Missing = new(null, null);

    public static Checked As(string value) => new(value, null);

    public static Checked Because(string problem) => new(null, problem);

    /// <summary>Nothing was given (the form decides whether that is allowed).</summary>
    public bool IsMissing => Value is null && Problem is null;
}
