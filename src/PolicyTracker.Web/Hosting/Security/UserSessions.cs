using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.Web.Hosting.Security;

/// <summary>Cuts a user's sessions off at once when their access changes: remembers each changed
/// user's new security stamp (so older cookies are refused on the next request without a database
/// look-up) and tells that user's open circuits to sign out.</summary>
public sealed class UserSessions(IOptions<IdentityOptions> identity) : IUserSessionRevoker
{
    private readonly ConcurrentDictionary<string, string> _stamps = new();

    public event Action<string>? Revoked;

    public void Revoke(string userId, string? securityStamp)
    {
        _stamps[userId] = securityStamp ?? "";
        Revoked?.Invoke(userId);
    }

    /// <summary>False when this process has since changed the principal's user.</summary>
    public bool IsCurrent(ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null || !_stamps.TryGetValue(userId, out var stamp))
        {
            return true;
        }
        return principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == stamp;
    }

    /// <summary>Cookie check: the revocation list first, then Identity's periodic security-stamp validation.</summary>
    internal static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (context.Principal is not null && !sessions.IsCurrent(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}

/// <summary>Revalidates each circuit's user against the database every minute (disabled, stamp changed,
/// deleted) and at once when <see cref="UserSessions"/> reports a change to that user.</summary>
internal sealed class RevalidatingIdentityStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<IdentityOptions> _identity;
    private readonly UserSessions _sessions;
    private readonly TimeSpan _interval;

    public RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes,
        IOptions<IdentityOptions> identity, UserSessions sessions, IConfiguration configuration)
        : base(loggerFactory)
    {
        _scopes = scopes;
        _identity = identity;
        _sessions = sessions;
        _interval = configuration.GetValue("Security:CircuitRevalidationInterval", TimeSpan.FromMinutes(1));
    }

    /// <summary>Called for interactive circuits only: a static-SSR request that changes its own user's stamp
    /// (a password change) must finish its response rather than turn anonymous halfway.</summary>
    public void WatchRevocations()
    {
        _sessions.Revoked -= OnRevoked;
        _sessions.Revoked += OnRevoked;
    }

    protected override TimeSpan RevalidationInterval => _interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (!_sessions.IsCurrent(state.User))
        {
            return false;
        }
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(state.User);
        return user is { IsDisabled: false }
            && state.User.FindFirstValue(_identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }

    protected override void Dispose(bool disposing)
    {
        _sessions.Revoked -= OnRevoked;
        base.Dispose(disposing);
    }

    private async void OnRevoked(string userId)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.FindFirstValue(_identity.Value.ClaimsIdentity.UserIdClaimType) == userId && !_sessions.IsCurrent(state.User))
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            }
        }
        catch (InvalidOperationException)
        {
            // The circuit has not set its state yet: the first revalidation will catch up.
        }
    }
}
