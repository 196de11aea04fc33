using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Accounts;

// Account events go to the same audit table as record changes, so /admin/audit shows one history.
public sealed class AccountAudit(IDbContextFactory<PolicyTrackerDbContext> factory, ICurrentUser currentUser, TimeProvider time)
{
    public const string UserEntity = "User";
    public const string TokenEntity = "ApiToken";

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new JsonStringEnumConverter() } };

    /// <param name="actor">Who acted, when it is not the signed-in user (a sign-in attempt names the account tried).</param>
    public async Task RecordAsync(AuditAction action, string entityType, string entityId, object? details = null,
        string? actor = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            UserName = Truncate(actor ?? currentUser.Name, 200),
            ClientAddress = currentUser.ClientAddress,
            At = time.GetUtcNow(),
            EntityType = entityType,
            EntityId = Truncate(entityId, 100),
            Action = action,
            NewValues = details is null ? null : JsonSerializer.Serialize(details, JsonOptions),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
