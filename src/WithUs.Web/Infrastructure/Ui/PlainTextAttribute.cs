using System.Text;

namespace WithUs.Web.Infrastructure.Ui;

/// <summary>
/// Text a person could have typed: no control characters (other than new lines and tabs), no broken characters (as
/// binary data or a bad encoding leaves behind). Letters of any language and emoji are welcome.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || IsPlain(text);

    public static bool IsPlain(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c) || c is '\uFFFD' or '\uFFFE' or '\uFFFF' or '\0')
            {
                return false;
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return false;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Trimmed, and in one canonical form, so the same words are stored (and matched) the same way.</summary>
    public static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);
}
