using System.Text;
using PolicyTracker.Data.Editing;

namespace PolicyTracker.Data.Import.Fetching;

// Note: how the text was found, when the editor should check it (a short article SmartReader did not clean).
public sealed record ArticleResult(ReportDraftInput? Input, string? Error, string? Note = null);

// A single article by URL (the new-report page, a feed's entries): fetched through SafeFetcher and
// reduced to its main text with SmartReader, as an uploaded HTML file is (an article under SmartReader's
// 500 characters is taken from the page's article or main element instead, and the result says so).
// today: a dateline without a year is read in the year up to it.
public sealed class ArticleFetcher(SafeFetcher fetcher)
{
    public async Task<ArticleResult> FetchAsync(string? address, DateOnly? today = null, CancellationToken ct = default)
    {
        var url = address?.Trim();
        if (!ReportInput.IsWebAddress(url))
        {
            return new(null, "Give the article's full http:// or https:// address.");
        }

        var fetched = await fetcher.FetchAsync(new Uri(url!), ct);
        if (!fetched.Succeeded)
        {
            return new(null, fetched.Error);
        }

        var body = fetched.Body!;
        if (body.AsSpan().IndexOf((byte)0) >= 0)
        {
            return new(null, $"{url} is a binary file ({fetched.MediaType ?? "unknown type"}), not a web page or text.");
        }

        string text;
        try
        {
            var encoding = fetched.Charset is { Length: > 0 } charset ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8;
            text = encoding.GetString(body).TrimStart('\uFEFF');
        }
        catch (ArgumentException)
        {
            return new(null, $"{url} is in the character set “{fetched.Charset}”, which the server cannot read.");
        }

        var isHtml = fetched.MediaType is "text/html" or "application/xhtml+xml"
            || (fetched.MediaType is null && text.TrimStart().StartsWith('<'));
        if (!isHtml && fetched.MediaType is not ("text/plain" or "text/markdown" or null))
        {
            return new(null, $"{url} is a {fetched.MediaType} document, not a web page or text.");
        }

        ReportDraftInput input;
        string? note = null;
        if (isHtml)
        {
            var read = ReportInput.FromHtml(text, url, today);
            note = read.Note;
            if (read.Input is null)
            {
                return new(null, $"{url}: {read.Error}");
            }

            input = read.Input;
        }
        else
        {
            input = ReportInput.Prefill(text, today: today);
            input.SourceUrl = url;
        }

        if (Encoding.UTF8.GetByteCount(input.Text) > ReportInput.MaxBytes)
        {
            return new(null, $"The article at {url} is longer than 2 MB of text, the limit of a report.");
        }

        return new(input, null, note);
    }
}
