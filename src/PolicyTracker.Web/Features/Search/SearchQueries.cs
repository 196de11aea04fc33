using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.Web.Features.Search;

public sealed record ReportHit(Guid Id, string Headline, string? Outlet, DateOnly? Published, string Snippet);

public sealed record MeetingHit(Guid Id, DateOnly? Date, Guid BodyId, string Body, string? Session, string? Chair, int Participants);

public sealed record ResolutionHit(Guid Id, Guid MeetingId, string Body, DateOnly? Date, string Verb, string Snippet, SourceRef? Source);

public sealed record DocumentHit(Guid Id, string Title, string? Kind, int Actions);

/// <summary>A person or body found by name: <see cref="MatchedAlias"/> when an alias matched, <see cref="Similar"/>
/// when only a trigram similarity did (a misspelling, "Li Qaing" for Li Qiang).</summary>
public sealed record NameHit(Guid Id, string Name, string? MatchedAlias, int Meetings, bool Similar = false);

/// <summary>A group's best hits and how many matched, counted up to <see cref="SearchQueries.CountCap"/>:
/// <see cref="Capped"/> means "at least", shown as "1,000+".</summary>
public sealed record SearchGroup<T>(int Total, IReadOnlyList<T> Hits)
{
    public bool Capped => Total > SearchQueries.CountCap;

    public string TotalText => SearchQueries.CountText(Total);
}

/// <summary>The kinds of search hit, as the <c>kind</c> facet names them.</summary>
public static class SearchKinds
{
    public const string Reports = "reports";
    public const string Meetings = "meetings";
    public const string Resolutions = "resolutions";
    public const string Documents = "documents";
    public const string People = "people";
    public const string Bodies = "bodies";

    public static readonly IReadOnlyList<string> All = [Meetings, Reports, Resolutions, Documents, People, Bodies];
}

/// <summary>What a search asks: the text, and the facets chosen (one kind, one body, one year), each optional.</summary>
public sealed record SearchFilter(string? Text, string? Kind = null, Guid? BodyId = null, int? Year = null);

public sealed record FacetCount(string Key, string Label, int Count);

/// <summary>The counts to narrow by: hits per kind, and the matching meetings per body and per year
/// (over the <see cref="SearchQueries.CountCap"/> latest matching meetings).</summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Bodies, IReadOnlyList<FacetCount> Years);

public sealed record SearchResults(SearchGroup<ReportHit> Reports, SearchGroup<MeetingHit> Meetings, SearchGroup<ResolutionHit> Resolutions,
    SearchGroup<DocumentHit> Documents, SearchGroup<NameHit> People, SearchGroup<NameHit> Bodies, SearchFacets Facets)
{
    public int Total => Reports.Total + Meetings.Total + Resolutions.Total + Documents.Total + People.Total + Bodies.Total;

    /// <summary>Some group has more matches than were counted, so <see cref="Total"/> is only a lower bound.</summary>
    public bool Capped => Reports.Capped || Meetings.Capped || Resolutions.Capped || Documents.Capped || People.Capped || Bodies.Capped;
}

public sealed class SearchQueries(PublishedData published)
{
    public const int PerGroup = 10;

    /// <summary>Hits listed when the search is narrowed to one kind.</summary>
    public const int PerKind = 50;

    // Counts stop here and ranking sees at most this many candidates, so a common word costs what a rare one does.
    public const int CountCap = 1000;

    public const int FacetBodies = 10;

    // ts_headline marks matches with these; the page splits on them and renders text nodes, never HTML.
    public const string MarkStart = "\u27E6";
    public const string MarkEnd = "\u27E7";
    /// <summary>A count as the page shows it: "1,000+" past the cap.</summary>
    public static string CountText(int count) => count > CountCap
        ? CountCap.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "+"
        : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private const string HeadlineOptions = "StartSel=\u27E6, StopSel=\u27E7, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \"";
    private const string Config = "english";

    public Task<SearchResults?> SearchAsync(string? text, CancellationToken ct = default) => SearchAsync(new SearchFilter(text), ct);

    /// <summary>Full-text search over reports and resolutions (websearch syntax: quotes, or, -word); names, aliases
    /// and document titles by substring or, for names, by trigram similarity (pg_trgm's <c>%</c>, served by the
    /// GIN indexes), so a misspelt name is still found; meetings by their body, session, participants or
    /// resolutions. A body or year narrows every group to what is tied to a meeting of that body or year.
    /// Any text is safe: it only ever reaches PostgreSQL as a parameter, and LIKE wildcards are escaped.</summary>
    public async Task<SearchResults?> SearchAsync(SearchFilter filter, CancellationToken ct = default)
    {
        if (SearchText.Clean(filter.Text) is not { } q)
        {
            return null;
        }
        var pattern = LikePattern.Containing(q);
        var bodyId = filter.BodyId;
        int? year = filter.Year;
        DateOnly? yearStart = year is { } y ? new DateOnly(y, 1, 1) : null;
        DateOnly? yearEnd = year is { } y2 ? new DateOnly(y2, 12, 31) : null;
        int Take(string kind) => filter.Kind == kind ? PerKind : filter.Kind is null ? PerGroup : 0;
        await using var db = await published.OpenAsync(ct);

        // The meetings a body or year facet keeps; every group is narrowed through it.
        var inScope = db.Meetings.Where(m => (bodyId == null || m.OrganizationId == bodyId)
            && (yearStart == null || (m.Date >= yearStart && m.Date <= yearEnd)));
        var narrowed = bodyId is not null || year is not null;

        var reports = db.Reports.Where(r => r.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(Config, q)));
        if (narrowed)
        {
            reports = reports.Where(r => r.MeetingSources.Any(s => inScope.Any(m => m.Id == s.MeetingId)));
        }
        // Ranking is bounded: the CountCap most recently entered matches (UUIDv7 ids) are the candidates, and only they are ranked.
        var reportHits = await reports.OrderByDescending(r => r.Id).Take(CountCap)
            .OrderByDescending(r => r.SearchVector.Rank(EF.Functions.WebSearchToTsQuery(Config, q))).ThenByDescending(r => r.Published)
            .Take(Take(SearchKinds.Reports))
            .Select(r => new ReportHit(r.Id, r.Headline, r.Outlet, r.Published,
                EF.Functions.WebSearchToTsQuery(Config, q).GetResultHeadline(Config, r.Text, HeadlineOptions)))
            .ToListAsync(ct);

        var resolutions = db.Resolutions.Where(r => r.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(Config, q)));
        if (narrowed)
        {
            resolutions = resolutions.Where(r => inScope.Any(m => m.Id == r.MeetingId));
        }
        var rankedResolutions = await resolutions.OrderByDescending(r => r.Id).Take(CountCap)
            .OrderByDescending(r => r.SearchVector.Rank(EF.Functions.WebSearchToTsQuery(Config, q))).ThenByDescending(r => r.Meeting.Date)
            .Take(Take(SearchKinds.Resolutions))
            .Select(r => new
            {
                r.Id,
                r.MeetingId,
                Body = r.Meeting.Organization.Name,
                r.Meeting.Date,
                r.Verb,
                Snippet = EF.Functions.WebSearchToTsQuery(Config, q).GetResultHeadline(Config, r.Text, HeadlineOptions),
            })
            .ToListAsync(ct);
        // Each shown resolution's earliest published source, read for those rows only (by fact id), not ranked
        // across every source of the archive.
        var shownResolutions = rankedResolutions.Select(r => r.Id).ToList();
        var firstSources = (await db.ResolutionSources.Where(c => shownResolutions.Contains(c.FactId))
                .OrderBy(c => c.SourceReport.Published).ThenBy(c => c.Id)
                .Select(c => new { c.FactId, Source = new SourceRef(c.SourceReportId, c.SourceReport.Headline, c.SourceReport.Outlet, c.SpanStart, c.SpanLength, c.Verdict) })
                .ToListAsync(ct))
            .GroupBy(c => c.FactId).ToDictionary(g => g.Key, g => g.First().Source);
        var resolutionHits = rankedResolutions
            .Select(r => new ResolutionHit(r.Id, r.MeetingId, r.Body, r.Date, r.Verb, r.Snippet, firstSources.GetValueOrDefault(r.Id)))
            .ToList();

        var documents = db.Documents
            .Where(d => d.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(Config, q)) || EF.Functions.ILike(d.Title, pattern));
        if (narrowed)
        {
            documents = documents.Where(d => d.Actions.AsQueryable().Where(Published.Action).Any(a => inScope.Any(m => m.Id == a.MeetingId)));
        }
        var documentHits = await documents
            .OrderByDescending(d => d.Counts!.Actions).ThenBy(d => d.Title)
            .Take(Take(SearchKinds.Documents))
            .Select(d => new DocumentHit(d.Id, d.Title, d.Kind, d.Counts != null ? d.Counts.Actions : 0))
            .ToListAsync(ct);

        // Names: a substring of the name or an alias, or a name similar enough (pg_trgm) to be a misspelling of it.
        var namedPeople = db.People.Where(p => EF.Functions.ILike(p.Name, pattern) || EF.Functions.TrigramsAreSimilar(p.Name, q)
            || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern) || EF.Functions.TrigramsAreSimilar(a.Alias, q)));
        var people = narrowed
            ? namedPeople.Where(p => p.Participations.AsQueryable().Where(Published.Participation).Any(x => inScope.Any(m => m.Id == x.MeetingId)))
            : namedPeople;
        var peopleHits = await people
            .OrderByDescending(p => EF.Functions.ILike(p.Name, pattern) || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)))
            .ThenByDescending(p => EF.Functions.TrigramsSimilarity(p.Name, q))
            .ThenByDescending(p => p.Counts!.Meetings).ThenBy(p => p.Name)
            .Take(Take(SearchKinds.People))
            .Select(p => new NameHit(p.Id, p.Name,
                EF.Functions.ILike(p.Name, pattern) ? null
                    : p.Aliases.Where(a => EF.Functions.ILike(a.Alias, pattern) && a.Alias != p.Name).OrderBy(a => a.Alias).Select(a => a.Alias).FirstOrDefault(),
                p.Counts != null ? p.Counts.Meetings : 0,
                !EF.Functions.ILike(p.Name, pattern) && !p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern))))
            .ToListAsync(ct);

        var namedBodies = db.Bodies.Where(o => EF.Functions.ILike(o.Name, pattern) || EF.Functions.TrigramsAreSimilar(o.Name, q)
            || o.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern) || EF.Functions.TrigramsAreSimilar(a.Alias, q)));
        var bodies = narrowed ? namedBodies.Where(o => inScope.Any(m => m.OrganizationId == o.Id)) : namedBodies;
        var bodyHits = await bodies
            .OrderByDescending(o => EF.Functions.ILike(o.Name, pattern) || o.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)))
            .ThenByDescending(o => EF.Functions.TrigramsSimilarity(o.Name, q))
            .ThenByDescending(o => o.Counts!.Meetings).ThenBy(o => o.Name)
            .Take(Take(SearchKinds.Bodies))
            .Select(o => new NameHit(o.Id, o.Name,
                EF.Functions.ILike(o.Name, pattern) ? null
                    : o.Aliases.Where(a => EF.Functions.ILike(a.Alias, pattern) && a.Alias != o.Name).OrderBy(a => a.Alias).Select(a => a.Alias).FirstOrDefault(),
                o.Counts != null ? o.Counts.Meetings : 0,
                !EF.Functions.ILike(o.Name, pattern) && !o.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern))))
            .ToListAsync(ct);

        // A meeting matches through its body's name, its session, a participant found by name, or a resolution's text.
        var personIds = namedPeople.Select(p => p.Id);
        var bodyIds = namedBodies.Select(o => o.Id);
        // The union of indexed lookups, not an OR of EXISTS over every meeting (which reads the whole archive).
        var matchingMeetings = db.Participations.Where(p => personIds.Contains(p.PersonId)).Select(p => p.MeetingId)
            .Union(db.Resolutions.Where(r => r.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(Config, q))).Select(r => r.MeetingId))
            .Union(db.Meetings.Where(m => m.Session != null && EF.Functions.ILike(m.Session, pattern)).Select(m => m.Id))
            .Union(db.Meetings.Where(m => bodyIds.Contains(m.OrganizationId)).Select(m => m.Id));
        var meetings = inScope.Where(m => matchingMeetings.Contains(m.Id));
        // The latest CountCap + 1 matching meetings in one read (the union above is the costly part, so it runs once):
        // their number is the group's capped count, the first CountCap give the facets, the first few are the hits.
        var latest = await meetings.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Take(CountCap + 1)
            .Select(m => new { m.Id, m.Date, m.OrganizationId })
            .ToListAsync(ct);
        var shownMeetings = latest.Take(Take(SearchKinds.Meetings)).Select(m => m.Id).ToList();
        var meetingRows = await db.Meetings.Where(m => shownMeetings.Contains(m.Id))
            .Select(m => new MeetingHit(m.Id, m.Date, m.OrganizationId, m.Organization.Name, m.Session,
                m.Participations.AsQueryable().Where(Published.Participation).Where(p => p.Role == ParticipationRole.Chair).Select(p => p.Person.Name).FirstOrDefault(),
                m.Participations.AsQueryable().Count(Published.Participation)))
            .ToDictionaryAsync(m => m.Id, ct);
        var meetingHits = shownMeetings.Where(meetingRows.ContainsKey).Select(id => meetingRows[id]).ToList();

        // Facets over the latest CountCap matching meetings: which bodies met and in which years.
        var facetMeetings = latest.Take(CountCap).ToList();
        var facetBodyIds = facetMeetings.Select(m => m.OrganizationId).Distinct().ToList();
        var bodyNames = await db.BodiesOfFacts.Where(o => facetBodyIds.Contains(o.Id)).Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var bodyFacet = facetMeetings.Where(m => bodyNames.ContainsKey(m.OrganizationId)).GroupBy(m => m.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Name = bodyNames[g.Key], Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal).Take(FacetBodies)
            .ToList();
        var yearFacet = facetMeetings.Where(m => m.Date != null).GroupBy(m => m.Date!.Value.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Year)
            .ToList();

        var results = new
        {
            Reports = new SearchGroup<ReportHit>(await CappedCountAsync(reports.OrderByDescending(r => r.Id), ct), reportHits),
            Meetings = new SearchGroup<MeetingHit>(latest.Count, meetingHits),
            Resolutions = new SearchGroup<ResolutionHit>(await CappedCountAsync(resolutions.OrderByDescending(r => r.Id), ct), resolutionHits),
            Documents = new SearchGroup<DocumentHit>(await CappedCountAsync(documents.OrderByDescending(d => d.Id), ct), documentHits),
            People = new SearchGroup<NameHit>(await CappedCountAsync(people.OrderByDescending(p => p.Id), ct), peopleHits),
            Bodies = new SearchGroup<NameHit>(await CappedCountAsync(bodies.OrderByDescending(o => o.Id), ct), bodyHits),
        };
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var facets = new SearchFacets(
            [
                new(SearchKinds.Meetings, "Meetings", results.Meetings.Total),
                new(SearchKinds.Reports, "Reports", results.Reports.Total),
                new(SearchKinds.Resolutions, "Resolutions", results.Resolutions.Total),
                new(SearchKinds.Documents, "Documents", results.Documents.Total),
                new(SearchKinds.People, "People", results.People.Total),
                new(SearchKinds.Bodies, "Bodies", results.Bodies.Total),
            ],
            [.. bodyFacet.Select(b => new FacetCount(b.OrganizationId.ToString(), b.Name, b.Count))],
            [.. yearFacet.Select(y => new FacetCount(y.Year.ToString(inv), y.Year.ToString(inv), y.Count))]);
        return new SearchResults(results.Reports, results.Meetings, results.Resolutions, results.Documents, results.People, results.Bodies, facets);
    }

    // Counts one past the cap: enough to know the group holds "1,000+" without counting the rest. Ordered (newest
    // ids, like the ranked candidates) because a LIMIT without ORDER BY picks arbitrary rows, and EF warns of it.
    private static Task<int> CappedCountAsync<T>(IOrderedQueryable<T> matches, CancellationToken ct) => matches.Take(CountCap + 1).CountAsync(ct);
}
