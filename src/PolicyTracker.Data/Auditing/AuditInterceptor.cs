using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Auditing;

// Before every save: refuses edits to a report's text, turns deletes into soft deletes,
// stamps Report.UpdatedAt, and adds one AuditEntry per changed row to the same save.
public sealed class AuditInterceptor(TimeProvider time, ICurrentUser user) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new JsonStringEnumConverter() } };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null)
        {
            Process(eventData.Context);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null)
        {
            Process(eventData.Context);
        }

        return ValueTask.FromResult(result);
    }

    private void Process(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow();
        var audits = new List<AuditEntry>();

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Audit entries are append-only.");
                }

                continue;
            }

            var audit = entry.State switch
            {
                EntityState.Added => Entry(entry, AuditAction.Added, null, Values(entry, original: false)),
                EntityState.Deleted when entry.Entity is ISoftDeletable => SoftDelete(entry, now),
                EntityState.Deleted => Entry(entry, AuditAction.Deleted, Values(entry, original: true), null),
                EntityState.Modified => Modify(entry, now),
                _ => null,
            };
            if (audit is not null)
            {
                audit.At = now;
                audits.Add(audit);
            }
        }

        context.Set<AuditEntry>().AddRange(audits);
    }

    private AuditEntry SoftDelete(EntityEntry entry, DateTimeOffset now)
    {
        var old = Values(entry, original: true);
        // Unchanged, then only the two stamps: the UPDATE touches nothing else.
        entry.State = EntityState.Unchanged;
        var deletable = (ISoftDeletable)entry.Entity;
        deletable.DeletedAt = now;
        deletable.DeletedBy = user.Name;
        entry.Property(nameof(ISoftDeletable.DeletedAt)).IsModified = true;
        entry.Property(nameof(ISoftDeletable.DeletedBy)).IsModified = true;
        return Entry(entry, AuditAction.Deleted, old, Changed(entry, original: false));
    }

    private AuditEntry? Modify(EntityEntry entry, DateTimeOffset now)
    {
        if (entry.Entity is Report)
        {
            GuardReportText(entry);
        }

        var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
        if (changed.Count == 0)
        {
            return null;
        }

        if (entry.Entity is Report report)
        {
            report.UpdatedAt = now;
        }

        var action = AuditAction.Modified;
        if (entry.Entity is ISoftDeletable)
        {
            var deletedAt = entry.Property(nameof(ISoftDeletable.DeletedAt));
            if (deletedAt.OriginalValue is not null && deletedAt.CurrentValue is null)
            {
                action = AuditAction.Restored;
            }
            else if (deletedAt.OriginalValue is null && deletedAt.CurrentValue is not null)
            {
                action = AuditAction.Deleted;
            }
        }

        return Entry(entry, action, Changed(entry, original: true), Changed(entry, original: false));
    }

    private static void GuardReportText(EntityEntry entry)
    {
        foreach (var name in new[] { nameof(Report.Text), nameof(Report.ContentHash) })
        {
            var property = entry.Property(name);
            if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
            {
                throw new ImmutableReportTextException();
            }
        }
    }

    private AuditEntry Entry(EntityEntry entry, AuditAction action, string? oldValues, string? newValues) => new()
    {
        UserName = user.Name,
        ClientAddress = user.ClientAddress,
        EntityType = entry.Metadata.ClrType.Name,
        EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
        Action = action,
        OldValues = oldValues,
        NewValues = newValues,
    };

    private static string Values(EntityEntry entry, bool original) =>
        Serialize(entry.Properties.Where(p => IsAudited(p.Metadata)), original);

    private static string Changed(EntityEntry entry, bool original) =>
        Serialize(entry.Properties.Where(p => p.IsModified && IsAudited(p.Metadata)), original);

    private static string Serialize(IEnumerable<PropertyEntry> properties, bool original)
    {
        var values = properties.ToDictionary(
            p => p.Metadata.GetColumnName(),
            p => original ? p.OriginalValue : p.CurrentValue);
        return JsonSerializer.Serialize(values, JsonOptions);
    }

    // Store-computed columns (xmin, lower-case keys, tsvectors) say nothing an editor changed,
    // and the report text is immutable and identified by its hash: copying megabytes helps nobody.
    private static bool IsAudited(IProperty property) =>
        property.ValueGenerated != ValueGenerated.OnAddOrUpdate
        && !(property.DeclaringType.ClrType == typeof(Report) && property.Name == nameof(Report.Text));
}
