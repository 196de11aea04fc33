using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;

namespace PolicyTracker.Web.Hosting.Security;

/// <summary>Security headers on every response. Scripts only from this origin, plus the one inline import
/// map, which carries a per-request nonce; styles allow inline because MudBlazor sets style attributes and
/// its theme provider writes a style element.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string NonceKey = "csp-nonce";

    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public Task InvokeAsync(HttpContext context)
    {
        // A status-code page (the 404 page) re-executes the pipeline on the same context: it keeps the nonce
        // the header already carries, or its import map would be blocked by the header's older nonce.
        var reExecuted = context.Items[NonceKey] is string;
        var nonce = reExecuted ? (string)context.Items[NonceKey]! : Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        if (SecurityServices.IsApi(context.Request) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            // An API's 401, 403 or 429 stays a status code, not a re-executed HTML page.
            pages.Enabled = false;
        }
        if (reExecuted)
        {
            return next(context);
        }
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; " +
                $"script-src 'self' 'nonce-{nonce}'; " +
                "style-src 'self' 'unsafe-inline'; " +
                "img-src 'self' data:; " +
                "font-src 'self' data:; " +
                "connect-src 'self'; " +
                "object-src 'none'; " +
                "base-uri 'self'; " +
                "form-action 'self'; " +
                "frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
