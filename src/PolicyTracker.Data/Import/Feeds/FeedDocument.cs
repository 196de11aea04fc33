using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using AngleSharp.Html.Parser;

namespace PolicyTracker.Data.Import.Feeds;

public sealed record FeedEntry(string? Link, string? Id, string? Title, DateTimeOffset? Published, string? Content);

public sealed record FeedContent(string? Title, IReadOnlyList<FeedEntry> Entries);

public sealed record FeedParseResult(FeedContent? Feed, string? Error);

// An RSS 2.0 or Atom 1.0 document read with System.ServiceModel.Syndication, or why it is not one.
// Pure: no network, no database. DTDs are refused (no entity expansion), dates read leniently.
public static class FeedDocument
{
    public static FeedParseResult Parse(string url, byte[] body, string? mediaType)
    {
        var start = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (mediaType is "text/html" or "application/xhtml+xml"
            || start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, $"{url} is a web page (HTML), not an RSS or Atom feed. Use the feed's own address (often linked as “RSS”).");
        }

        if (body.Length == 0 || string.IsNullOrWhiteSpace(start))
        {
            return new(null, $"{url} answered with an empty document, not an RSS or Atom feed.");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
        };
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = reader.LocalName switch
            {
                "rss" => new Rss20FeedFormatter { DateTimeParser = ParseDate },
                "feed" => new Atom10FeedFormatter { DateTimeParser = ParseDate },
                _ => throw new NotAFeedException(reader.LocalName),
            };
            if (!formatter.CanRead(reader))
            {
                return new(null, $"{url} has a <{reader.LocalName}> root but is not RSS 2.0 or Atom 1.0.");
            }

            formatter.ReadFrom(reader);
            var feed = formatter.Feed;
            var entries = feed.Items.Select(Entry).ToList();
            return new(new FeedContent(Clean(feed.Title?.Text), entries), null);
        }
        catch (NotAFeedException e)
        {
            return new(null, $"{url} is XML but not an RSS or Atom feed (its root element is <{e.Root}>).");
        }
        catch (XmlException e)
        {
            return new(null, $"{url} is not a readable RSS or Atom feed: {e.Message}");
        }
    }

    private static FeedEntry Entry(SyndicationItem item)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()?.ToString();
        if (link is null && Uri.TryCreate(item.Id, UriKind.Absolute, out var idUri) && idUri.Scheme is "http" or "https")
        {
            link = idUri.ToString();
        }

        var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
        var content = item.Content is TextSyndicationContent text ? text.Text : null;
        foreach (var extension in item.ElementExtensions.Where(e => e.OuterName == "encoded"))
        {
            // RSS's content:encoded carries the full article when the feed has it.
            content ??= extension.GetObject<string>();
        }

        content ??= item.Summary?.Text;
        return new FeedEntry(link, Clean(item.Id), Clean(item.Title?.Text), date == default ? null : date, PlainText(content));
    }

    // Feeds put HTML in descriptions; the report text is plain.
    private static string? PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var text = string.Join("\n\n", document.Body!.Children.Length == 0
            ? [document.Body.TextContent]
            : document.Body.ChildNodes.Select(n => n.TextContent));
        return Clean(text.Replace("\r", "", StringComparison.Ordinal));
    }

    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        var raw = data.DateTimeString.Trim();
        // RFC 822 zones that DateTimeOffset does not know.
        var normalized = raw.Replace(" GMT", " +0000", StringComparison.Ordinal).Replace(" UT", " +0000", StringComparison.Ordinal)
            .Replace(" EST", " -0500", StringComparison.Ordinal).Replace(" EDT", " -0400", StringComparison.Ordinal)
            .Replace(" PST", " -0800", StringComparison.Ordinal).Replace(" PDT", " -0700", StringComparison.Ordinal);
        normalized = System.Text.RegularExpressions.Regex.Replace(normalized, @"([+-]\d{2})(\d{2})$", "$1:$2");
        if (DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        // An unreadable date is no reason to lose the entry: it is left unknown.
        value = default;
        return true;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class NotAFeedException(string root) : Exception(root)
    {
        public string Root { get; } = root;
    }
}
