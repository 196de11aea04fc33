namespace PolicyTracker.Web.Hosting;

/// <summary>A request the framework refuses as malformed (a form without its antiforgery token, a body that
/// does not bind) is the client's mistake: answer its 400 and log one line at Information. Thrown through the
/// request log, it was logged as an error with status 500.</summary>
internal sealed class BadRequestAnswer(RequestDelegate next, ILogger<BadRequestAnswer> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", context.Request.Method, context.Request.Path, ex.StatusCode, ex.Message);
            context.Response.Clear();
            context.Response.StatusCode = ex.StatusCode;
            // Re-executing a refused POST as the not-found page would refuse it again, as a 500.
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The request was refused: it was incomplete or malformed. Reload the page and try again.");
        }
    }
}
