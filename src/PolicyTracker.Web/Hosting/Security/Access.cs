using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace PolicyTracker.Web.Hosting.Security;

/// <summary>Server-side checks for component actions (a hidden button is not enforcement):
/// <c>await Access.RequireAsync(Policies.CanEdit);</c> at the top of a publish or restore handler.</summary>
public sealed class Access(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<bool> AllowsAsync(string policy)
    {
        var user = await UserAsync();
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }

    /// <exception cref="UnauthorizedAccessException">The signed-in user's roles do not allow the action.</exception>
    public async Task RequireAsync(string policy)
    {
        if (!await AllowsAsync(policy))
        {
            throw new UnauthorizedAccessException($"Your role does not allow this ({policy}).");
        }
    }

    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}
