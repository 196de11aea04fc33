using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Accounts;

public sealed record CreatedApiToken(Guid Id, string Secret, DateTimeOffset ExpiresAt);

public sealed record ApiTokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public sealed class ApiTokens(AccountsDbContext db, AccountAudit audit, TimeProvider time)
{
    public const string SecretPrefix = "pt_";
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public async Task<CreatedApiToken> CreateAsync(string userId, string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token lives between one day and a year.");
        }
        // 256 random bits: a fast hash is enough, there is nothing to guess.
        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name.Trim().Length > 100 ? name.Trim()[..100] : name.Trim(),
            Prefix = secret[..10],
            Hash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.TokenCreated, AccountAudit.TokenEntity, token.Id.ToString(),
            new { token.Name, token.Prefix, token.ExpiresAt }, cancellationToken: cancellationToken);
        return new CreatedApiToken(token.Id, secret, token.ExpiresAt);
    }

    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's own tokens; false when there is no such live token.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null || token.RevokedAt is not null)
        {
            return false;
        }
        token.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.TokenRevoked, AccountAudit.TokenEntity, token.Id.ToString(),
            new { token.Name, token.Prefix }, cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>The enabled user a live (unrevoked, unexpired) token belongs to, or null.</summary>
    public async Task<AppUser?> FindUserAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = Hash(secret);
        var now = time.GetUtcNow();
        var token = await db.ApiTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
        if (token?.User is null || token.User.IsDisabled)
        {
            return null;
        }
        // Written at most once a minute so a busy script does not turn every read into a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return token.User;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
