using System.Text;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Summary;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.Web.Features.Brief;

public static class BriefEndpoints
{
    public const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IEndpointRouteBuilder MapBriefEndpoints(this IEndpointRouteBuilder app)
    {
        var brief = app.MapGroup("/api/export").WithTags("Exports").RequireAuthorization(Policies.CanSummarise);
        brief.MapGet("/weekly-brief.docx", WordAsync).WithName("ExportWeeklyBriefWord");
        brief.MapGet("/weekly-brief.md", MarkdownAsync).WithName("ExportWeeklyBriefMarkdown");
        return app;
    }

    /// <summary>The week holding <paramref name="at"/> (Monday to Sunday); by default the week of the newest meeting.</summary>
    public static async Task<SummaryPeriod> WeekAsync(QueryInput input, string? at, SummaryQueries summary, CancellationToken ct)
    {
        var latest = await summary.LatestMeetingAsync(ct) ?? input.Today;
        return SummaryPeriod.Of(PeriodKind.Week, input.Date("at", at) ?? (latest > input.Today ? input.Today : latest));
    }

    private static async Task<IResult> WordAsync([FromQuery] string? at, HttpRequest request, SummaryQueries summary, BriefQueries queries,
        TimeProvider time, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var week = await WeekAsync(input, at, summary, ct);
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }
        var brief = await queries.GetAsync(week, ct);
        return TypedResults.File(BriefText.Word(brief, Site(request)), WordType, BriefText.FileName(brief, "docx"));
    }

    private static async Task<IResult> MarkdownAsync([FromQuery] string? at, HttpRequest request, SummaryQueries summary, BriefQueries queries,
        TimeProvider time, CancellationToken ct)
    {
        var input = new QueryInput(time);
        var week = await WeekAsync(input, at, summary, ct);
        if (input.ProblemResult() is { } problem)
        {
            return problem;
        }
        var brief = await queries.GetAsync(week, ct);
        return TypedResults.File(new UTF8Encoding(false).GetBytes(BriefText.Markdown(brief, Site(request))), "text/markdown; charset=utf-8",
            BriefText.FileName(brief, "md"));
    }

    // The address the request came to (after forwarded headers), so links in a mailed file lead back here.
    public static Uri Site(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
