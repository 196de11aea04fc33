using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using PolicyTracker.Data.Auditing;

namespace PolicyTracker.Web.Hosting.Security;

/// <summary>Who is acting, for audit rows: the circuit's user in an interactive session, the request's
/// user in an HTTP request, "system" for start-up and background work.</summary>
public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private bool _inCircuit;
    private ClaimsPrincipal? _circuitUser;
    private string? _circuitAddress;

    public ClaimsPrincipal Principal => _inCircuit ? _circuitUser ?? Anonymous : http.HttpContext?.User ?? Anonymous;

    public string Name => !_inCircuit && http.HttpContext is null
        ? "system"
        : Principal.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous";

    public string? ClientAddress => _inCircuit ? _circuitAddress : http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    internal void UseCircuit(ClaimsPrincipal user, string? address)
    {
        _inCircuit = true;
        _circuitUser = user;
        _circuitAddress = address;
    }

    /// <summary>For work done in a fresh service scope on behalf of this user.</summary>
    public void CopyFrom(CurrentUser other)
    {
        _inCircuit = true;
        _circuitUser = other.Principal;
        _circuitAddress = other.ClientAddress;
    }
}

/// <summary>Gives each circuit's <see cref="CurrentUser"/> the signed-in user and the client address,
/// and keeps the user current when the authentication state changes (sign-out, revocation).</summary>
internal sealed class CurrentUserCircuitHandler(
    AuthenticationStateProvider authentication,
    CurrentUser currentUser,
    IHttpContextAccessor http) : CircuitHandler, IDisposable
{
    private string? _address;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // Runs inside the hub's start-circuit call, where the accessor holds the WebSocket request.
        _address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var state = await authentication.GetAuthenticationStateAsync();
        currentUser.UseCircuit(state.User, _address);
        authentication.AuthenticationStateChanged += OnChanged;
        (authentication as RevalidatingIdentityStateProvider)?.WatchRevocations();
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;

    private async void OnChanged(Task<AuthenticationState> task)
    {
        try
        {
            currentUser.UseCircuit((await task).User, _address);
        }
        catch (Exception)
        {
            currentUser.UseCircuit(new ClaimsPrincipal(new ClaimsIdentity()), _address);
        }
    }
}
