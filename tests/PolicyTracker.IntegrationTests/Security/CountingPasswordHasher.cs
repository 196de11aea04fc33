using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.IntegrationTests.Security;

/// <summary>The app's password hasher, recording what each verification costs: the stored hash's format,
/// PRF, iteration count and sizes. Two sign-ins that record the same list did the same hashing work, which
/// is what their timing would otherwise have to show, and unlike the timing it does not depend on the load.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<AppUser> inner) : IPasswordHasher<AppUser>
{
    private readonly ConcurrentQueue<string> _verifications = new();

    public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        _verifications.Enqueue(Cost(hashedPassword));
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    /// <summary>The verifications <paramref name="work"/> caused, each described by <see cref="Cost"/>.</summary>
    public async Task<IReadOnlyList<string>> DuringAsync(Func<Task> work)
    {
        var before = _verifications.Count;
        await work();
        return [.. _verifications.Skip(before)];
    }

    /// <summary>What verifying against <paramref name="hash"/> costs, read from ASP.NET Identity's V3 header
    /// (0x01, PRF, iteration count, salt length, all big-endian), e.g. "v3 PRF 2, 100000 iterations, 16-byte salt, 32-byte key".</summary>
    public static string Cost(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        if (bytes.Length < 13 || bytes[0] != 0x01)
        {
            return $"not a v3 hash ({bytes.Length} bytes, marker {(bytes.Length > 0 ? bytes[0] : -1)})";
        }

        var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
        var salt = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
        return $"v3 PRF {prf}, {iterations} iterations, {salt}-byte salt, {bytes.Length - 13 - salt}-byte key";
    }
}
