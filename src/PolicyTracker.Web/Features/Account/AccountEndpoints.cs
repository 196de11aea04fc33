using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Web.Features.Account;

public static class AccountEndpoints
{
    // Sign-in itself is the static-SSR LoginPage form; sign-out is a plain form post (antiforgery
    // checked because it binds a form field), since an interactive circuit cannot change cookies.
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (
            HttpContext context,
            [FromServices] SignInManager<AppUser> signIn,
            [FromServices] AccountAudit audit,
            [FromForm] string? returnUrl) =>
        {
            var name = context.User.Identity?.Name;
            await signIn.SignOutAsync();
            if (name is not null)
            {
                await audit.RecordAsync(AuditAction.SignedOut, AccountAudit.UserEntity, name, actor: name);
            }
            return TypedResults.LocalRedirect("/account/login" + (LoginPage.IsLocal(returnUrl) ? $"?ReturnUrl={Uri.EscapeDataString(returnUrl!)}" : ""));
        }).RequireAuthorization();

        // Lets a script check its token: who it acts as and with which roles.
        app.MapGet("/api/me", (ClaimsPrincipal user) =>
            TypedResults.Ok(new Me(user.Identity?.Name ?? "", Roles.All.Where(user.IsInRole).ToList())));
        return app;
    }
}

public sealed record Me(string Name, IReadOnlyList<string> Roles);
