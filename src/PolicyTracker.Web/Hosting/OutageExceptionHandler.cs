using Microsoft.AspNetCore.Diagnostics;

namespace PolicyTracker.Web.Hosting;

/// <summary>An unhandled exception on the API becomes a ProblemDetails (503 when the database is unavailable,
/// else 500) instead of the HTML error page; pages go on to /Error, which says the same in words.</summary>
internal sealed class OutageExceptionHandler(ILogger<OutageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var unavailable = DatabaseErrors.IsUnavailable(exception);
        if (unavailable)
        {
            // One line, not a stack trace per request, for as long as the outage lasts.
            logger.LogError("Database unavailable for {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path,
                exception.GetBaseException().Message);
        }

        if (!Security.SecurityServices.IsApi(httpContext.Request) || httpContext.Response.HasStarted)
        {
            return false;
        }

        var status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        httpContext.Response.StatusCode = status;
        await TypedResults.Problem(
                title: unavailable ? "The database is unavailable" : "The server could not complete the request",
                detail: unavailable ? DatabaseErrors.Message : $"Give this reference to an administrator: {httpContext.TraceIdentifier}",
                statusCode: status)
            .ExecuteAsync(httpContext);
        return true;
    }
}
