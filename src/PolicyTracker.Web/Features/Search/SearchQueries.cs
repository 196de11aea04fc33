using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.Web.Features.Search;

public sealed record ReportHit(Guid Id, string Headline, string? Outlet, DateOnly? Published, string Snippet);

public sealed record ResolutionHit(Guid Id, Guid MeetingId, string Body, DateOnly? Date, string Verb, string Snippet, SourceRef? Source);

public sealed record DocumentHit(Guid Id, string Title, string? Kind, int Actions);

public sealed record NameHit(Guid Id, string Name, string? MatchedAlias, int Meetings);

/// <summary>A group's best hits and how many matched, counted up to <see cref="SearchQueries.CountCap"/>:
/// <see cref="Capped"/> means "at least", shown as "1,000+".</summary>
public sealed record SearchGroup<T>(int Total, IReadOnlyList<T> Hits)
{
    public bool Capped => Total > SearchQueries.CountCap;

    public string TotalText => SearchQueries.CountText(Total);
}

public sealed record SearchResults(SearchGroup<ReportHit> Reports, SearchGroup<ResolutionHit> Resolutions, SearchGroup<DocumentHit> Documents,
    SearchGroup<NameHit> People, SearchGroup<NameHit> Bodies)
{
    public int Total => Reports.Total + Resolutions.Total + Documents.Total + People.Total + Bodies.Total;

    /// <summary>Some group has more matches than were counted, so <see cref="Total"/> is only a lower bound.</summary>
    public bool Capped => Reports.Capped || Resolutions.Capped || Documents.Capped || People.Capped || Bodies.Capped;
}

public sealed class SearchQueries(PublishedData published)
{
    public const int PerGroup = 10;

    // Counts stop here and ranking sees at most this many candidates, so a common word costs what a rare one does.
    public const int CountCap = 1000;

    // ts_headline marks matches with these; the page splits on them and renders text nodes, never HTML.
    public const string MarkStart = "\u27E6";
    public const string MarkEnd = "\u27E7";
    /// <summary>A count as the page shows it: "1,000+" past the cap.</summary>
    public static string CountText(int count) => count > CountCap
        ? CountCap.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "+"
        : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private const string HeadlineOptions = "StartSel=\u27E6, StopSel=\u27E7, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \"";
    private const string Config = "english";

    /// <summary>Full-text search over reports and resolutions (websearch syntax: quotes, or, -word),
    /// substring search over document titles, names and aliases. Any text is safe: it only ever
    /// reaches PostgreSQL as a parameter, and LIKE wildcards are escaped.</summary>
    public async Task<SearchResults?> SearchAsync(string? text, CancellationToken ct = default)
    {
        if (SearchText.Clean(text) is not { } q)
        {
            return null;
        }
        var pattern = LikePattern.Containing(q);
        await using var db = await published.OpenAsync(ct);

        var reports = db.Reports.Where(r => r.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(Config, q)));
        // Ranking is bounded: the CountCap most recently entered matches (UUIDv7 ids) are the candidates, and only they are ranked.
        var reportHits = await reports.OrderByDescending(r => r.Id).Take(CountCap)
            .OrderByDescending(r => r.SearchVector.Rank(EF.Functions.WebSearchToTsQuery(Config, q))).ThenByDescending(r => r.Published)
            .Take(PerGroup)
            .Select(r => new ReportHit(r.Id, r.Headline, r.Outlet, r.Published,
                EF.Functions.WebSearchToTsQuery(Config, q).GetResultHeadline(Config, r.Text, HeadlineOptions)))
            .ToListAsync(ct);

        var resolutions = db.Resolutions.Where(r => r.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(Config, q)));
        var resolutionHits = await resolutions.OrderByDescending(r => r.Id).Take(CountCap)
            .OrderByDescending(r => r.SearchVector.Rank(EF.Functions.WebSearchToTsQuery(Config, q))).ThenByDescending(r => r.Meeting.Date)
            .Take(PerGroup)
            .Select(r => new ResolutionHit(r.Id, r.MeetingId, r.Meeting.Organization.Name, r.Meeting.Date, r.Verb,
                EF.Functions.WebSearchToTsQuery(Config, q).GetResultHeadline(Config, r.Text, HeadlineOptions),
                r.Sources.Where(c => c.Verdict != Verdict.Removed && c.SourceReport.Status == ReportStatus.Published)
                    .OrderBy(c => c.SourceReport.Published)
                    .Select(c => new SourceRef(c.SourceReportId, c.SourceReport.Headline, c.SourceReport.Outlet, c.SpanStart, c.SpanLength, c.Verdict))
                    .FirstOrDefault()))
            .ToListAsync(ct);

        var documents = db.Documents
            .Where(d => d.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(Config, q)) || EF.Functions.ILike(d.Title, pattern));
        var documentHits = await documents
            .OrderByDescending(d => d.Counts!.Actions).ThenBy(d => d.Title)
            .Take(PerGroup)
            .Select(d => new DocumentHit(d.Id, d.Title, d.Kind, d.Counts != null ? d.Counts.Actions : 0))
            .ToListAsync(ct);

        var people = db.People
            .Where(p => EF.Functions.ILike(p.Name, pattern) || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        var peopleHits = await people
            .OrderByDescending(p => p.Counts!.Meetings).ThenBy(p => p.Name)
            .Take(PerGroup)
            .Select(p => new NameHit(p.Id, p.Name,
                EF.Functions.ILike(p.Name, pattern) ? null : p.Aliases.Where(a => EF.Functions.ILike(a.Alias, pattern)).Select(a => a.Alias).FirstOrDefault(),
                p.Counts != null ? p.Counts.Meetings : 0))
            .ToListAsync(ct);

        var bodies = db.Bodies
            .Where(o => EF.Functions.ILike(o.Name, pattern) || o.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        var bodyHits = await bodies
            .OrderByDescending(o => o.Counts!.Meetings).ThenBy(o => o.Name)
            .Take(PerGroup)
            .Select(o => new NameHit(o.Id, o.Name,
                EF.Functions.ILike(o.Name, pattern) ? null : o.Aliases.Where(a => EF.Functions.ILike(a.Alias, pattern)).Select(a => a.Alias).FirstOrDefault(),
                o.Counts != null ? o.Counts.Meetings : 0))
            .ToListAsync(ct);

        return new SearchResults(
            new(await CappedCountAsync(reports, ct), reportHits),
            new(await CappedCountAsync(resolutions, ct), resolutionHits),
            new(await CappedCountAsync(documents, ct), documentHits),
            new(await CappedCountAsync(people, ct), peopleHits),
            new(await CappedCountAsync(bodies, ct), bodyHits));
    }

    // Counts one past the cap: enough to know the group holds "1,000+" without counting the rest.
    private static Task<int> CappedCountAsync<T>(IQueryable<T> matches, CancellationToken ct) => matches.Take(CountCap + 1).CountAsync(ct);
}
