namespace PolicyTracker.Data.Entities;

// An RSS or Atom feed an editor subscribed to. Subscribing, pausing and removing are edits (audited,
// soft-deleted); the poll bookkeeping below is written with SQL by FeedPoller, as import jobs are.
public class Feed : Entity
{
    public required string Url { get; set; }

    // The feed's own title, from its last successful poll.
    public string? Title { get; set; }

    // Store its reports as published ("trust the extractor") rather than as drafts.
    public bool Publish { get; set; }

    public int PollMinutes { get; set; } = 30;

    public bool Paused { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextPollAt { get; set; }

    public DateTimeOffset? LastPolledAt { get; set; }

    public DateTimeOffset? LastSucceededAt { get; set; }

    // Why the last poll failed (null after a good one).
    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }

    // New items the last good poll queued.
    public int LastNewItems { get; set; }
}
