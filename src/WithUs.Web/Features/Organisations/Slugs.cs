using System.Text;

namespace WithUs.Web.Features.Organisations;

/// <summary>Lower-case, hyphenated, ASCII names for addresses: "St Mary's Drop-in Café" becomes "st-marys-drop-in-cafe".</summary>
public static class Slugs
{
    public static string From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length > Organisation.SlugMaxLength ? result[..Organisation.SlugMaxLength].TrimEnd('-') : result;
    }
}
