using System.Text;
using Microsoft.AspNetCore.Html;

namespace WithUs.Web.Features.Voice;

/// <summary>Checking and showing what people said: refusing text that is not text, excerpts, and marked words.</summary>
public static class VoiceText
{
    /// <summary>
    /// True when the text holds characters no one types: control characters (other than line breaks and tabs), the
    /// replacement character left by a wrongly read file, unpaired surrogates, or private-use and non-characters.
    /// </summary>
    public static bool LooksBinary(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                return true;
            }

            if (c is '\r' or '\n' or '\t')
            {
                continue;
            }

            if (char.IsControl(c) || c is '\uFFFD' or '\uFFFE' or '\uFFFF'
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a "me too" with nothing added says in lists, instead of a blank.</summary>
    public const string MeTooWithNothingAdded = "Said \u201cme too\u201d, with nothing added";

    /// <summary>The words to show for a contribution: its own, or for a wordless "me too" that it said me too.</summary>
    public static string Said(string text, bool isMeToo, int maxLength = 280) =>
        isMeToo && string.IsNullOrWhiteSpace(text) ? MeTooWithNothingAdded : Excerpt(text, maxLength);

    /// <summary>The start of a text, cut at a word boundary, with an ellipsis when cut.</summary>
    public static string Excerpt(string text, int maxLength = 280)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', maxLength);
        if (cut < maxLength / 2)
        {
            cut = maxLength;
        }

        if (char.IsHighSurrogate(trimmed[cut - 1]))
        {
            cut--;
        }

        return trimmed[..cut].TrimEnd() + "…";
    }

    /// <summary>
    /// The text with each of <paramref name="words"/> wrapped in &lt;mark&gt;. Every piece of the text is HTML-encoded
    /// by the content builder; only the mark tags themselves are markup. Words are compared as the similarity analyser
    /// reads them: letters and digits, apostrophes inside a word dropped, ignoring case.
    /// </summary>
    public static IHtmlContent Marked(string text, IReadOnlyCollection<string> words)
    {
        var content = new HtmlContentBuilder();
        if (words.Count == 0)
        {
            content.Append(text);
            return content;
        }

        var wanted = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        var plainFrom = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
                continue;
            }

            var start = i;
            var token = new StringBuilder();
            while (i < text.Length)
            {
                if (IsWordChar(text, i))
                {
                    var width = char.IsSurrogatePair(text, i) ? 2 : 1;
                    token.Append(text, i, width);
                    i += width;
                }
                else if (text[i] is '\'' or '’' or '‘' && i + 1 < text.Length && IsWordChar(text, i + 1))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            if (wanted.Contains(token.ToString()))
            {
                if (start > plainFrom)
                {
                    content.Append(text[plainFrom..start]);
                }

                content.AppendHtml("<mark>");
                content.Append(text[start..i]);
                content.AppendHtml("</mark>");
                plainFrom = i;
            }
        }

        if (plainFrom < text.Length)
        {
            content.Append(text[plainFrom..]);
        }

        return content;
    }

    private static bool IsWordChar(string text, int index) =>
        Rune.TryGetRuneAt(text, index, out var rune) && Rune.IsLetterOrDigit(rune);
}
