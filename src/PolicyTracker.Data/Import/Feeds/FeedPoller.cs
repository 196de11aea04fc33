using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import.Fetching;
using PolicyTracker.Data.Import.Jobs;

namespace PolicyTracker.Data.Import.Feeds;

public sealed record FeedPollResult(Guid FeedId, int Entries, int NewItems, Guid? JobId, string? Error);

public sealed record FeedSubscription(Guid? FeedId, string? Error);

public sealed record FeedRow(
    Guid Id, string Url, string? Title, bool Publish, int PollMinutes, bool Paused, string CreatedBy, DateTimeOffset NextPollAt,
    DateTimeOffset? LastPolledAt, DateTimeOffset? LastSucceededAt, string? LastError, int ConsecutiveFailures, int LastNewItems, Guid? LastJobId);

// Subscribes to feeds and polls them: each poll fetches the feed through SafeFetcher and queues its
// entries not seen before as one import job (items named by the entry's link), which the import
// workers fetch and store like any other item. Feed errors stay on the feed for the editor to see.
public sealed class FeedPoller(
    IDbContextFactory<PolicyTrackerDbContext> factory,
    SafeFetcher fetcher,
    ImportJobs jobs,
    TimeProvider time,
    ILogger<FeedPoller>? logger = null)
{
    public const int MinPollMinutes = 5;
    public const int MaxPollMinutes = 24 * 60;

    // Long enough for a slow feed; a poller killed mid-poll leaves the feed to another after this.
    private static readonly TimeSpan PollLease = TimeSpan.FromMinutes(5);

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public async Task<FeedSubscription> SubscribeAsync(string? address, bool publish, int pollMinutes, string createdBy, CancellationToken ct = default)
    {
        var url = address?.Trim();
        if (!ReportInput.IsWebAddress(url))
        {
            return new(null, "Give the feed's full http:// or https:// address.");
        }

        if (pollMinutes is < MinPollMinutes or > MaxPollMinutes)
        {
            return new(null, $"Poll every {MinPollMinutes} to {MaxPollMinutes} minutes.");
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Feeds.Where(f => f.Url == url).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            return new(existing, $"{url} is already subscribed.");
        }

        var now = time.GetUtcNow();
        var feed = new Feed
        {
            Id = Guid.CreateVersion7(now),
            Url = url!,
            Publish = publish,
            PollMinutes = pollMinutes,
            CreatedBy = createdBy.Length <= 200 ? createdBy : createdBy[..200],
            CreatedAt = now,
            NextPollAt = now,
        };
        db.Feeds.Add(feed);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new(null, $"{url} is already subscribed.");
        }

        _logger.LogInformation("Feed {FeedId} subscribed: {Url}", feed.Id, feed.Url);
        return new(feed.Id, null);
    }

    // Polls the feed most overdue, if any is due; null when none is. Feeds are claimed with
    // FOR UPDATE SKIP LOCKED, so several app instances share the polling without doubling it.
    public async Task<FeedPollResult?> PollDueAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var claimed = await db.Database.SqlQuery<Guid>(
            $"""
            UPDATE feeds SET next_poll_at = {now + PollLease}
            WHERE id = (SELECT id FROM feeds WHERE deleted_at IS NULL AND NOT paused AND next_poll_at <= {now}
                        ORDER BY next_poll_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return claimed.Count == 0 ? null : await PollAsync(claimed[0], ct);
    }

    public async Task<FeedPollResult> PollAsync(Guid feedId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var feed = await db.Feeds.AsNoTracking().SingleAsync(f => f.Id == feedId, ct);
        var fetched = await fetcher.FetchAsync(new Uri(feed.Url), ct);
        var parsed = fetched.Succeeded ? FeedDocument.Parse(feed.Url, fetched.Body!, fetched.MediaType) : new FeedParseResult(null, fetched.Error);
        if (parsed.Feed is not { } content)
        {
            _logger.LogWarning("Feed {FeedId} ({Url}) could not be read: {Error}", feed.Id, feed.Url, parsed.Error);
            await RecordFailureAsync(db, feed, parsed.Error!, ct);
            return new(feedId, 0, 0, null, parsed.Error);
        }

        var items = content.Entries.Select(e => Item(e, content.Title)).ToList();
        var jobId = items.Count == 0 ? null : await jobs.CreateForFeedAsync(feed.Id, feed.Url, feed.Publish, feed.CreatedBy, items, ct);
        var newItems = 0;
        if (jobId is { } id)
        {
            newItems = await db.ImportJobs.Where(j => j.Id == id).Select(j => j.TotalItems).SingleAsync(ct);
        }

        var now = time.GetUtcNow();
        var title = content.Title is { Length: > 500 } t ? t[..500] : content.Title;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE feeds SET title = coalesce({title}, title), last_polled_at = {now}, last_succeeded_at = {now}, last_error = NULL,
                consecutive_failures = 0, last_new_items = {newItems}, next_poll_at = {now + TimeSpan.FromMinutes(feed.PollMinutes)}
            WHERE id = {feed.Id}
            """, ct);
        _logger.LogInformation("Feed {FeedId} polled: {Entries} entries, {New} new", feed.Id, content.Entries.Count, newItems);
        return new(feedId, content.Entries.Count, newItems, jobId, null);
    }

    // A page of the subscribed feeds, newest first, each with its latest import job.
    public async Task<ImportPage<FeedRow>> ListAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var total = await db.Feeds.CountAsync(ct);
        var rows = await db.Feeds.AsNoTracking().OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).Skip(skip).Take(take)
            .Select(f => new FeedRow(f.Id, f.Url, f.Title, f.Publish, f.PollMinutes, f.Paused, f.CreatedBy, f.NextPollAt, f.LastPolledAt,
                f.LastSucceededAt, f.LastError, f.ConsecutiveFailures, f.LastNewItems,
                db.ImportJobs.Where(j => j.FeedId == f.Id).OrderByDescending(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefault()))
            .ToListAsync(ct);
        return new(rows, total);
    }

    // Soft-deleted and audited like any edit; the reports it brought in stay.
    public async Task<bool> UnsubscribeAsync(Guid feedId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Id == feedId, ct);
        if (feed is null)
        {
            return false;
        }

        db.Feeds.Remove(feed);
        await db.SaveChangesAsync(ct);
        _logger.LogInformation("Feed {FeedId} unsubscribed: {Url}", feed.Id, feed.Url);
        return true;
    }

    // Sooner than the schedule: "Poll now" on the Import page; the background poller picks it up.
    public async Task PollSoonAsync(Guid feedId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE feeds SET next_poll_at = {time.GetUtcNow()} WHERE id = {feedId}", ct);
    }

    // A failing feed is polled less often (up to 16 times its interval, at most a day) until it works again.
    private async Task RecordFailureAsync(PolicyTrackerDbContext db, Feed feed, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var factor = Math.Min(1 << Math.Min(feed.ConsecutiveFailures, 4), 16);
        var next = now + TimeSpan.FromMinutes(Math.Min(feed.PollMinutes * factor, MaxPollMinutes));
        var message = error.Length <= 4000 ? error : error[..4000];
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE feeds SET last_polled_at = {now}, last_error = {message}, consecutive_failures = consecutive_failures + 1, next_poll_at = {next}
            WHERE id = {feed.Id}
            """, ct);
    }

    private static ImportItemDraft Item(FeedEntry entry, string? feedTitle)
    {
        if (entry.Link is null)
        {
            var name = $"entry {entry.Id ?? entry.Title ?? "without id"}";
            return new(name, null, 0, $"The feed entry “{entry.Title ?? entry.Id}” has no link to an article.");
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(new FeedItemPayload(entry.Link, entry.Title, feedTitle, entry.Published, entry.Content));
        return new(entry.Link, payload, payload.Length);
    }
}

// What a feed entry brings to its import item; the article itself is fetched by the worker.
public sealed record FeedItemPayload(string Url, string? Headline, string? Outlet, DateTimeOffset? Published, string? Content);
