using System.Text;
using PolicyTracker.Web.Features.Search;

namespace PolicyTracker.Web.Features.Api;

/// <summary>The search page's results as the API gives them: one list of groups, snippets as plain text with offsets.</summary>
public static class SearchApi
{
    public static SearchDto ToDto(string q, string? kind, Guid? body, int? year, SearchResults r)
    {
        static SearchHitDto Hit(string kind, Guid id, string title, DateOnly? date, string? snippet, string link, string? api,
            string? alias = null, bool similar = false)
        {
            var (text, highlights) = snippet is null ? (null, []) : Plain(snippet);
            return new SearchHitDto(kind, id, title, date, text, highlights, alias, similar, link, api);
        }

        var groups = new List<SearchGroupDto>
        {
            new(SearchKinds.Meetings, r.Meetings.Total, r.Meetings.Capped, [.. r.Meetings.Hits.Select(m =>
                Hit(SearchKinds.Meetings, m.Id, m.Session ?? $"Meeting of the {m.Body}", m.Date, null, $"/meetings/{m.Id}", $"/api/meetings/{m.Id}"))]),
            new(SearchKinds.Reports, r.Reports.Total, r.Reports.Capped, [.. r.Reports.Hits.Select(h =>
                Hit(SearchKinds.Reports, h.Id, h.Headline, h.Published, h.Snippet, $"/reports/{h.Id}", null))]),
            new(SearchKinds.Resolutions, r.Resolutions.Total, r.Resolutions.Capped, [.. r.Resolutions.Hits.Select(h =>
                Hit(SearchKinds.Resolutions, h.Id, $"{h.Body}: {h.Verb}", h.Date, h.Snippet, $"/meetings/{h.MeetingId}", $"/api/meetings/{h.MeetingId}"))]),
            new(SearchKinds.Documents, r.Documents.Total, r.Documents.Capped, [.. r.Documents.Hits.Select(d =>
                Hit(SearchKinds.Documents, d.Id, d.Title, null, null, $"/documents/{d.Id}", $"/api/documents/{d.Id}"))]),
            new(SearchKinds.People, r.People.Total, r.People.Capped, [.. r.People.Hits.Select(p =>
                Hit(SearchKinds.People, p.Id, p.Name, null, null, $"/people/{p.Id}", $"/api/people/{p.Id}", p.MatchedAlias, p.Similar))]),
            new(SearchKinds.Bodies, r.Bodies.Total, r.Bodies.Capped, [.. r.Bodies.Hits.Select(b =>
                Hit(SearchKinds.Bodies, b.Id, b.Name, null, null, $"/bodies/{b.Id}", $"/api/bodies/{b.Id}", b.MatchedAlias, b.Similar))]),
        };
        static List<FacetDto> Facets(IEnumerable<FacetCount> f) => [.. f.Select(c => new FacetDto(c.Key, c.Label, c.Count))];
        return new SearchDto(q, kind, body, year, groups, Facets(r.Facets.Kinds), Facets(r.Facets.Bodies), Facets(r.Facets.Years));
    }

    /// <summary>A ts_headline snippet without its marks, and where each marked stretch is in the plain text.</summary>
    public static (string Text, IReadOnlyList<int[]> Highlights) Plain(string snippet)
    {
        var text = new StringBuilder(snippet.Length);
        var highlights = new List<int[]>();
        var rest = snippet.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(SearchQueries.MarkStart, StringComparison.Ordinal);
            if (start < 0)
            {
                text.Append(rest);
                break;
            }
            text.Append(rest[..start]);
            rest = rest[(start + SearchQueries.MarkStart.Length)..];
            var end = rest.IndexOf(SearchQueries.MarkEnd, StringComparison.Ordinal);
            var word = end < 0 ? rest : rest[..end];
            highlights.Add([text.Length, word.Length]);
            text.Append(word);
            rest = end < 0 ? [] : rest[(end + SearchQueries.MarkEnd.Length)..];
        }
        return (text.ToString(), highlights);
    }
}
