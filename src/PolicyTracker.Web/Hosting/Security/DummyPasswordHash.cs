using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.Web.Hosting.Security;

// A hash of a random password, made once with the app's own hasher and its settings, for sign-ins that have no
// stored hash to check: verifying against it costs what verifying a user's hash costs, iteration count included.
internal sealed class DummyPasswordHash(IServiceScopeFactory scopes)
{
    private readonly Lazy<string> _hash = new(() =>
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>()
            .HashPassword(new AppUser(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    });

    public string Value => _hash.Value;
}
