using Microsoft.AspNetCore.WebUtilities;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Reports;

namespace PolicyTracker.IntegrationTests.Reports;

/// <summary>Follows a link to the reports list as the page reads it (ReportFilter.Read over the address, as a manager
/// or editor sees it) and counts the rows the list pages through.</summary>
public static class ReportLinks
{
    public static async Task<int> CountAsync(DatabaseFixture fixture, string href)
    {
        href.ShouldStartWith("/reports");
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), href).Query);
        var input = new QueryInput(fixture.Clock);
        var filter = ReportFilter.Read(input, name => query.TryGetValue(name, out var v) ? v.ToString() : null, publishedOnly: false);
        input.Problems.ShouldBeEmpty(href);
        var reports = new ReportQueries(fixture.Factory);
        var first = await reports.ListAsync(filter, 0, 1000, null, false);
        // Paged in SQL: the total is the count of every page's rows.
        first.Rows.Count.ShouldBe(first.Total, href);
        return first.Total;
    }
}
