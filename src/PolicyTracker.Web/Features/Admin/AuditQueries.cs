using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Web.Features.Admin;

public sealed record AuditFilter(string? User, string? Entity, string? Action, DateOnly? From, DateOnly? To);

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, AuditAction Action, string EntityType, string EntityId,
    string? ClientAddress, string? OldValues, string? NewValues);

public sealed class AuditQueries(IDbContextFactory<PolicyTrackerDbContext> factory)
{
    public const int MaxExportRows = 100_000;

    public async Task<(int Total, IReadOnlyList<AuditRow> Rows)> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return (total, rows);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    /// <summary>The filtered rows as CSV, newest first; cells that a spreadsheet would run as a formula are quoted out.</summary>
    public async Task WriteCsvAsync(AuditFilter filter, TextWriter writer, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await writer.WriteLineAsync("at,user,action,entity_type,entity_id,client_address,old_values,new_values");
        var rows = Project(Apply(db.AuditEntries.AsNoTracking(), filter).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxExportRows))
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',',
                Cell(r.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), Cell(r.UserName), Cell(r.Action.ToString()),
                Cell(r.EntityType), Cell(r.EntityId), Cell(r.ClientAddress), Cell(r.OldValues), Cell(r.NewValues)));
        }
    }

    public static AuditFilter Parse(string? user, string? entity, string? action, string? from, string? to) => new(
        string.IsNullOrWhiteSpace(user) ? null : user.Trim(),
        string.IsNullOrWhiteSpace(entity) ? null : entity.Trim(),
        Enum.TryParse<AuditAction>(action, ignoreCase: true, out var a) ? a.ToString() : null,
        DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null,
        DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null);

    private static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (filter.User is { } user)
        {
            // ILIKE with the wildcards in the text escaped: "50%_off" is searched for literally.
            var pattern = "%" + user.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(a => EF.Functions.ILike(a.UserName, pattern, "\\"));
        }
        if (filter.Entity is { } entity)
        {
            query = query.Where(a => a.EntityType == entity);
        }
        if (Enum.TryParse<AuditAction>(filter.Action, out var action))
        {
            query = query.Where(a => a.Action == action);
        }
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }
        return query;
    }

    private static IQueryable<AuditRow> Project(IQueryable<AuditEntry> query) =>
        query.Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.ClientAddress, a.OldValues, a.NewValues));

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(Hosting.Security.Policies.CanAdminister);
        // The audit page's filter, as CSV: /api/admin/audit.csv?user=&entity=&action=&from=yyyy-MM-dd&to=yyyy-MM-dd
        admin.MapGet("/audit.csv", async (HttpContext context, AuditQueries audit, TimeProvider time, string? user, string? entity, string? action, string? from, string? to) =>
        {
            var input = new Components.Shared.QueryInput(time);
            (user, entity, action, var (first, last)) = (input.Text("user", user), input.Text("entity", entity), input.Text("action", action), input.Range(from, to));
            if (input.ProblemResult() is { } problem)
            {
                await problem.ExecuteAsync(context);
                return;
            }

            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
            await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
            await audit.WriteCsvAsync(new AuditFilter(user, entity, AuditQueries.Parse(null, null, action, null, null).Action, first, last), writer, context.RequestAborted);
        });
        return app;
    }
}
