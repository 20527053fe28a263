using System.Text;
using System.Xml;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Public;

/// <summary>
/// "You said, we did" as an Atom 1.0 feed (RFC 4287): one entry for each of the newest published outcomes, nothing
/// identifying. Like most feeds it is a window on the newest (RFC 5005 calls a feed without its "complete" marker
/// exactly that); readers keep what they have seen, and the subtitle and the "alternate" link send people to the page
/// for the rest.
/// </summary>
[PublicPageCache]
public sealed class FeedModel(WithUsDbContext db) : PublicPageModel
{
    public const string ContentType = "application/atom+xml";

    /// <summary>The newest outcomes in the feed: a reader polling it fetches a bounded document however long the history.</summary>
    public const int EntriesShown = 50;
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static string Path(IUrlHelper url, string slug, string? protocol = null) =>
        url.Page("/Public/Feed", null, new { publicOrg = slug }, protocol)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = Organisation;
        var ideas = await PublicIdeas.ListAsync(db, PublicIdeaList.WithOutcome, EntriesShown, cancellationToken);
        var page = Url.Page("/Public/YouSaidWeDid", null, new { publicOrg = organisation.Slug }, Request.Scheme)!;

        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true };
        await using (var xml = XmlWriter.Create(buffer, settings))
        {
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "feed", Atom);
            await xml.WriteElementStringAsync(null, "id", Atom, $"urn:uuid:{organisation.Id}");
            await WriteTextAsync(xml, "title", $"You said, we did – {organisation.Name}");
            await WriteTextAsync(xml, "subtitle", $"What people told {organisation.Name}, and what we did about it: the newest {EntriesShown}. See the page for all of them.");
            var updated = ideas.Count == 0 ? organisation.CreatedAtUtc : ideas.Max(i => i.Date);
            await xml.WriteElementStringAsync(null, "updated", Atom, Timestamp(updated));
            await LinkAsync(xml, "self", Path(Url, organisation.Slug, Request.Scheme), ContentType);
            await LinkAsync(xml, "alternate", page, "text/html");
            await xml.WriteStartElementAsync(null, "author", Atom);
            await WriteTextAsync(xml, "name", organisation.Name, typed: false);
            await xml.WriteEndElementAsync();

            foreach (var idea in ideas)
            {
                await xml.WriteStartElementAsync(null, "entry", Atom);
                await xml.WriteElementStringAsync(null, "id", Atom, $"urn:uuid:{idea.Id}");
                await WriteTextAsync(xml, "title", idea.Summary);
                await xml.WriteElementStringAsync(null, "updated", Atom, Timestamp(idea.Date));
                await LinkAsync(xml, "alternate", Url.Page("/Public/Idea", null, new { publicOrg = organisation.Slug, contributionId = idea.Id }, Request.Scheme)!, "text/html");
                foreach (var theme in idea.Themes)
                {
                    await xml.WriteStartElementAsync(null, "category", Atom);
                    await xml.WriteAttributeStringAsync(null, "term", null, XmlSafe(theme));
                    await xml.WriteEndElementAsync();
                }

                var weDid = idea.WeDid;
                var words = new StringBuilder()
                    .Append("You said: ").AppendLine(idea.Summary)
                    .Append("We did: ").Append(weDid[0]);
                foreach (var line in weDid.Skip(1))
                {
                    words.AppendLine().Append(line);
                }

                if (idea.ProjectTitle is { } project)
                {
                    words.AppendLine().Append(PublicWords.PartOfProject(idea.Outcome)).Append(' ').Append(project);
                    await LinkAsync(xml, "related", Url.Page("/Public/Project", null, new { publicOrg = organisation.Slug, projectId = idea.ProjectId }, Request.Scheme)!, "text/html");
                }

                words.AppendLine().Append(PublicWords.Voices(idea.Voices)).Append('.');
                await WriteTextAsync(xml, "content", words.ToString());
                await xml.WriteEndElementAsync();
            }

            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }

        return File(buffer.ToArray(), ContentType + "; charset=utf-8");
    }

    private static async Task WriteTextAsync(XmlWriter xml, string name, string text, bool typed = true)
    {
        await xml.WriteStartElementAsync(null, name, Atom);
        if (typed)
        {
            await xml.WriteAttributeStringAsync(null, "type", null, "text");
        }

        await xml.WriteStringAsync(XmlSafe(text));
        await xml.WriteEndElementAsync();
    }

    private static async Task LinkAsync(XmlWriter xml, string rel, string href, string type)
    {
        await xml.WriteStartElementAsync(null, "link", Atom);
        await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteEndElementAsync();
    }

    /// <summary>RFC 3339, in UTC.</summary>
    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry some characters at all (most control characters): they are left out, not escaped.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }

        return safe.ToString();
    }
}
