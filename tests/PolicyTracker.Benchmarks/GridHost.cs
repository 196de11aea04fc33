using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PolicyTracker.Data;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Bodies;
using PolicyTracker.Web.Features.Documents;
using PolicyTracker.Web.Features.Meetings;
using PolicyTracker.Web.Features.People;
using PolicyTracker.Web.Features.Reports;
using PolicyTracker.Web.Hosting;

namespace PolicyTracker.Benchmarks;

/// <summary><c>--grid-host --urls U --connection CS</c>: the grids' own query classes behind plain HTTP, so wrk can
/// drive them. The list pages fill their MudDataGrid over the Blazor circuit after the first render, so a GET of
/// <c>/people</c> never runs the grid query; this host runs exactly the call the grid makes for one page
/// (<c>PersonQueries.ListAsync(filter, page, size, sort)</c>: the count and the rows) and answers JSON.
/// Loopback only, no sign-in: it exists for scripts/bench-archive.sh.</summary>
public static class GridHost
{
    public static int Run(string[] args)
    {
        var urls = Option(args, "--urls") ?? "http://127.0.0.1:5099";
        var connection = Option(args, "--connection") ?? throw new ArgumentException("--connection CS is required");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        // The app's data registration without its start-up work (migrations, accounts): the archive is already there.
        builder.Services.AddPolicyTrackerData(connection);
        builder.Services.AddPolicyTrackerFeatures();
        var app = builder.Build();

        app.MapGet("/grid/meetings", async (MeetingQueries q, HttpRequest r, CancellationToken ct) =>
        {
            var (key, descending) = Sort(r, defaultDescending: true);
            var filter = new MeetingFilter(Text(r, "q"), Id(r, "body"), Date(r, "from"), Date(r, "to"), Id(r, "person"));
            var list = await q.ListAsync(filter, Page(r), Size(r), key, descending, ct);
            return Results.Ok(new { list.Total, list.Rows });
        });
        app.MapGet("/grid/people", async (PersonQueries q, HttpRequest r, CancellationToken ct) =>
        {
            var (key, descending) = Sort(r);
            var list = await q.ListAsync(new PersonFilter(Text(r, "q")), Page(r), Size(r), key, descending, ct);
            return Results.Ok(new { list.Total, list.Rows });
        });
        app.MapGet("/grid/bodies", async (BodyQueries q, HttpRequest r, CancellationToken ct) =>
        {
            var (key, descending) = Sort(r);
            var list = await q.ListAsync(new BodyFilter(Text(r, "q")), Page(r), Size(r), key, descending, ct);
            return Results.Ok(new { list.Total, list.Rows });
        });
        app.MapGet("/grid/documents", async (DocumentQueries q, HttpRequest r, CancellationToken ct) =>
        {
            var (key, descending) = Sort(r);
            var list = await q.ListAsync(new DocumentFilter(Text(r, "q"), Text(r, "kind")), Page(r), Size(r), key, descending, ct: ct);
            return Results.Ok(new { list.Total, list.Rows });
        });
        app.MapGet("/grid/reports", async (ReportQueries q, HttpRequest r, CancellationToken ct) =>
        {
            var (key, descending) = Sort(r);
            var list = await q.ListAsync(new ReportFilter(Text: Text(r, "q")), Page(r), Size(r), key, descending, ct);
            return Results.Ok(new { list.Total, list.Rows });
        });
        app.Run();
        return 0;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static string? Text(HttpRequest r, string name) => r.Query[name].FirstOrDefault() is { Length: > 0 } s ? s : null;

    private static Guid? Id(HttpRequest r, string name) => Guid.TryParse(Text(r, name), out var id) ? id : null;

    private static DateOnly? Date(HttpRequest r, string name) =>
        DateOnly.TryParseExact(Text(r, name), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    // page is 1-based in the query string, as on the pages.
    private static int Page(HttpRequest r) => int.TryParse(Text(r, "page"), out var p) && p > 1 ? p - 1 : 0;

    private static int Size(HttpRequest r) => int.TryParse(Text(r, "size"), out var s) && s is > 0 and <= 100 ? s : 25;

    // The meetings grid is newest first when no sort is given; the others ascend.
    private static (string? Key, bool Descending) Sort(HttpRequest r, bool defaultDescending = false)
    {
        var (key, descending) = GridSort.Parse(Text(r, "sort"));
        return key is null ? (null, defaultDescending) : (key, descending);
    }
}
