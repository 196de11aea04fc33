using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.Web.Hosting;

/// <summary>Refuses an API request whose query string carries NUL or other control characters, or a value
/// too long for any filter, with a 400 ProblemDetails, before a handler or a query sees it. Covers every
/// endpoint, present and future; handlers still check their own parameters with <see cref="QueryInput"/>.
/// Pages are not refused: they clean the values and say so on the page.</summary>
internal sealed class QueryStringGuard(RequestDelegate next, ILogger<QueryStringGuard> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!Security.SecurityServices.IsApi(context.Request) || !context.Request.QueryString.HasValue
            || QueryInput.FindRawProblem(context.Request.Query) is not { } problem)
        {
            return next(context);
        }

        logger.LogInformation("Refused {Path}: {Problem}", context.Request.Path, problem);
        return TypedResults.Problem(title: "The query has values that cannot be used", detail: problem, statusCode: StatusCodes.Status400BadRequest)
            .ExecuteAsync(context);
    }
}
