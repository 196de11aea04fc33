using System.Text.Json;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Import.Fetching;
using PolicyTracker.Data.Import.Jobs;

namespace PolicyTracker.Data.Import.Feeds;

// A feed item as a report request: the linked article fetched and reduced to text; the feed's own
// title and outlet fill what the page does not say, and its date is taken over the page's. The entry's link is the source URL, so a
// second poll or a second feed with the same article is recognised as a duplicate.
public static class FeedItemReader
{
    public static async Task<ImportItemReader.Read> ToRequestAsync(ArticleFetcher? articles, byte[] payload, DateOnly today, CancellationToken ct)
    {
        FeedItemPayload? entry;
        try
        {
            entry = JsonSerializer.Deserialize<FeedItemPayload>(payload);
        }
        catch (JsonException e)
        {
            return new(null, $"The feed item could not be read: {e.Message}");
        }

        if (entry?.Url is null)
        {
            return new(null, "The feed item has no link to an article.");
        }

        if (articles is null)
        {
            return new(null, "This process cannot fetch articles (no fetcher configured).");
        }

        var article = await articles.FetchAsync(entry.Url, entry.Published is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : today, ct);
        ReportDraftInput input;
        if (article.Input is { } fetched)
        {
            input = fetched;
        }
        else if (entry.Content is { Length: > 200 } content)
        {
            // The page could not be reduced to text, but the feed carries the article itself.
            input = ReportInput.Prefill(today: today, text: entry.Headline is null || content.StartsWith(entry.Headline, StringComparison.Ordinal)
                ? content
                : entry.Headline + "\n\n" + content);
        }
        else
        {
            return new(null, $"The article {entry.Url} could not be fetched: {article.Error}");
        }

        input.SourceUrl = entry.Url;
        input.Headline ??= entry.Headline;
        input.Outlet ??= entry.Outlet;
        // The feed's date is written by a machine; the page's may be a guess from a dateline without a year.
        if (entry.Published is { } published && ReportInput.IsPlausibleDate(DateOnly.FromDateTime(published.UtcDateTime), today))
        {
            input.Published = DateOnly.FromDateTime(published.UtcDateTime);
        }

        if (input.Headline is { Length: > 1000 })
        {
            input.Headline = input.Headline[..1000];
        }

        if (input.Outlet is { Length: > 200 })
        {
            input.Outlet = input.Outlet[..200];
        }

        var errors = ReportInput.Validate(input, today);
        if (errors.Count > 0)
        {
            return new(null, $"The article {entry.Url}: " + string.Join(" ", errors.Values));
        }

        return new(new ImportRequest(input.Text)
        {
            Headline = input.Headline,
            Outlet = input.Outlet,
            Published = input.Published,
            SourceUrl = input.SourceUrl,
        }, null);
    }
}
