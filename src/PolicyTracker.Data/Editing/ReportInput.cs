using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using SmartReader;

namespace PolicyTracker.Data.Editing;

// What the new-report form holds before anything is stored.
public sealed class ReportDraftInput
{
    public string Text { get; set; } = string.Empty;

    public string? Headline { get; set; }

    public string? Outlet { get; set; }

    public DateOnly? Published { get; set; }

    public string? SourceUrl { get; set; }
}

// Note: what the editor should know about how the text was found (a short article taken as it stands).
public sealed record FileReadResult(ReportDraftInput? Input, string? Error, string? Note = null);

// Turns a pasted text or an uploaded file into form values, and says what is wrong with them.
// Everything here is pure: the form shows these messages before any database call.
public static partial class ReportInput
{
    /// <summary>The earliest date a report or a meeting may carry. Anything before is a typo or a placeholder
    /// (0001-01-01, DateOnly.MinValue, which Npgsql writes as -infinity).</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>The latest: tomorrow, for a report dated in a time zone ahead of UTC.</summary>
    public static DateOnly LatestDate(DateOnly today) => today.AddDays(1);

    public static bool IsPlausibleDate(DateOnly date, DateOnly today) => date >= EarliestDate && date <= LatestDate(today);

    /// <summary>The latest date that is a date at all: the extractor's own range ends here, and DateOnly.MaxValue
    /// (9999-12-31) would be stored as infinity.</summary>
    public static readonly DateOnly LatestStorableDate = new(2100, 12, 31);

    public static bool IsStorableDate(DateOnly date) => date >= EarliestDate && date <= LatestStorableDate;

    public const int MaxBytes = ReportImporter.MaxBytes;

    public static readonly IReadOnlyList<string> AcceptedExtensions = [".txt", ".md", ".html", ".htm"];

    public static FileReadResult ReadFile(string fileName, ReadOnlySpan<byte> bytes, DateOnly? today = null)
    {
        var (decoded, error) = DecodeFile(fileName, bytes);
        if (decoded is null)
        {
            return new(null, error);
        }

        if (IsHtmlFile(fileName))
        {
            return FromHtml(decoded, today: today);
        }

        var input = Prefill(decoded, today: today);
        return new(input, null);
    }

    public static bool IsHtmlFile(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".html" or ".htm";

    // The file's text exactly as stored (UTF-8, no byte-order mark), or why it cannot be a report.
    // No guessing here: bulk imports call it and leave the header to the importer.
    public static (string? Text, string? Error) DecodeFile(string fileName, ReadOnlySpan<byte> bytes)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!AcceptedExtensions.Contains(extension))
        {
            return (null, $"“{fileName}” is not a .txt, .md or .html file.");
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, $"“{fileName}” is {bytes.Length / 1048576.0:0.0} MB; the limit is 2 MB.");
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            return (null, $"“{fileName}” contains NUL bytes: it looks like a binary file, not text.");
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"“{fileName}” is not valid UTF-8 text. Save it as UTF-8 and upload it again.");
        }

        return (decoded.TrimStart('\uFEFF'), null);
    }

    // Readability over the HTML (SmartReader, built on AngleSharp): the article body as plain text,
    // with the page's title, site name, date and canonical address as the form's first guesses.
    // pageUrl: where the page was fetched from (an article by URL); it is the source address unless the page names its canonical one.
    public static FileReadResult FromHtml(string html, string? pageUrl = null, DateOnly? today = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        var baseUri = IsWebAddress(canonical) ? canonical! : IsWebAddress(pageUrl) ? pageUrl! : "https://unknown.invalid/article";

        var article = new Reader(baseUri, html).GetArticle();
        var title = Clean(article.Title) ?? Clean(document.Title);
        var text = article.IsReadable ? NormalizeArticleText(article.TextContent) : string.Empty;
        string? note = null;
        if (text.Length < ShortArticleChars && MainText(document) is { } main && main.Text.Length > 0)
        {
            // SmartReader does not clean an article this short: it gives up or hands back the page unreduced.
            text = main.Text;
            note = $"The article is short ({text.Length:N0} characters), under what SmartReader cleans; its text was taken from the page's {main.From} as it stands. Check it for menus or captions.";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, pageUrl is null ? "No article text was found in this HTML file." : "No article text was found on this page.");
        }

        var headline = title is null ? null : title;
        if (headline is not null && !text.StartsWith(headline, StringComparison.Ordinal))
        {
            text = headline + "\n\n" + text;
        }

        var input = Prefill(text, today: today);
        input.Headline = headline ?? input.Headline;
        input.Outlet = Clean(article.SiteName)
            ?? Clean(document.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content"))
            ?? input.Outlet;
        if (article.PublicationDate is { } published)
        {
            input.Published = DateOnly.FromDateTime(published);
        }

        input.SourceUrl = IsWebAddress(canonical) ? canonical : IsWebAddress(pageUrl) ? pageUrl : input.SourceUrl;
        return new(input, null, note);
    }

    // SmartReader's default threshold: below it, it does not judge a page's text to be an article.
    public const int ShortArticleChars = 500;

    private static readonly string[] MainSelectors = ["article", "main", "[role=main]", "[itemprop=articleBody]"];

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL", "BLOCKQUOTE", "PRE", "TABLE", "TR", "FIGCAPTION", "HEADER", "DL", "DT", "DD",
    };

    // The text of the page's main or article element, paragraphs kept; else the body without its menus,
    // header, footer and scripts. Null when the page has no body.
    private static (string Text, string From)? MainText(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        foreach (var junk in document.QuerySelectorAll("script, style, noscript, template, nav, aside, form, iframe, svg").ToList())
        {
            junk.Remove();
        }

        foreach (var selector in MainSelectors)
        {
            if (document.QuerySelector(selector) is { } element && ElementText(element) is { Length: > 0 } found)
            {
                return (found, $"<{element.LocalName}> element");
            }
        }

        if (document.Body is not { } body)
        {
            return null;
        }

        foreach (var junk in body.QuerySelectorAll("header, footer").ToList())
        {
            junk.Remove();
        }

        return (ElementText(body), "body (without menus, header and footer)");
    }

    private static string ElementText(AngleSharp.Dom.INode root)
    {
        var text = new StringBuilder();
        void Walk(AngleSharp.Dom.INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is AngleSharp.Dom.IText t)
                {
                    text.Append(t.Data);
                }
                else if (child is AngleSharp.Dom.IElement e)
                {
                    if (e.TagName == "BR")
                    {
                        text.Append('\n');
                        continue;
                    }

                    var block = BlockTags.Contains(e.TagName);
                    if (block)
                    {
                        text.Append("\n\n");
                    }

                    Walk(e);
                    if (block)
                    {
                        text.Append("\n\n");
                    }
                }
            }
        }

        Walk(root);
        return NormalizeArticleText(text.ToString());
    }

    // First guesses from the text itself: the extractor's header, else the first line, a date
    // written as 2023-05-30 near the top, and the first web address. today: a dateline without a
    // year ("BEIJING, March 5 --") is dated in the year up to today, not guessed from its weekday.
    public static ReportDraftInput Prefill(string text, Func<string, ReportExtraction>? extract = null, DateOnly? today = null)
    {
        var header = (extract ?? (t => ReportExtractor.Default.Extract(t, today)))(text).Report;
        var top = text.Length > 600 ? text[..600] : text;
        var firstLine = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        var input = new ReportDraftInput
        {
            Text = text,
            Headline = Clean(header.Headline) ?? Clean(firstLine),
            Outlet = Clean(header.Outlet) ?? Clean(SourceLine().Match(top) is { Success: true } s ? s.Groups[1].Value : null),
            Published = header.Published ?? (IsoDate().Match(top) is { Success: true } d
                && DateOnly.TryParseExact(d.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null),
            SourceUrl = WebAddress().Match(text) is { Success: true } url ? url.Value.TrimEnd('.', ',', ')', ';') : null,
        };
        if (input.Headline is { Length: > 1000 })
        {
            input.Headline = input.Headline[..1000];
        }

        return input;
    }

    // Field name -> message; empty when the form may be submitted.
    public static IReadOnlyDictionary<string, string> Validate(ReportDraftInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors[nameof(input.Text)] = "Paste the report text or upload a file: the text is empty.";
        }
        else if (Encoding.UTF8.GetByteCount(input.Text) is var bytes && bytes > MaxBytes)
        {
            errors[nameof(input.Text)] = $"The text is {bytes / 1048576.0:0.0} MB; the limit is 2 MB.";
        }
        else if (LooksBinary(input.Text))
        {
            errors[nameof(input.Text)] = "The text contains NUL, control or replacement (\uFFFD) characters: it looks like a binary or non-UTF-8 file, not text.";
        }

        if (FieldLimits.TooLong("The headline", input.Headline, FieldLimits.Headline) is { } headline)
        {
            errors[nameof(input.Headline)] = headline;
        }

        if (FieldLimits.TooLong("The outlet", input.Outlet, FieldLimits.Outlet) is { } outlet)
        {
            errors[nameof(input.Outlet)] = outlet;
        }

        if (input.Published is { } published && published > LatestDate(today))
        {
            errors[nameof(input.Published)] = $"The publication date {published:yyyy-MM-dd} is in the future.";
        }
        else if (input.Published is { } early && early < EarliestDate)
        {
            errors[nameof(input.Published)] = $"The publication date {early:yyyy-MM-dd} is before {EarliestDate:yyyy-MM-dd}: give the date the report appeared.";
        }

        if (FieldLimits.TooLong("The source URL", input.SourceUrl?.Trim(), FieldLimits.SourceUrl) is { } url)
        {
            errors[nameof(input.SourceUrl)] = url;
        }
        else if (!string.IsNullOrWhiteSpace(input.SourceUrl) && !IsWebAddress(input.SourceUrl.Trim()))
        {
            errors[nameof(input.SourceUrl)] = "The source URL must be a full http:// or https:// address (at most 2000 characters).";
        }

        return errors;
    }

    public static bool IsWebAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= 2000
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    public static string ContentHash(string text) => TextKeys.Sha256Hex(text);

    private static bool LooksBinary(string text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0' || c == '\uFFFD')
            {
                return true;
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                control++;
            }
        }

        return control > text.Length / 100;
    }

    private static string NormalizeArticleText(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => InlineSpace().Replace(l, " ").Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    private static string? Clean(string? value)
    {
        value = value is null ? null : InlineSpace().Replace(value, " ").Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"\b(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"Source:\s*([^\n·|]{2,80})", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex InlineSpace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
