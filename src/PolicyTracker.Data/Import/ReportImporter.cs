using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Extraction;

namespace PolicyTracker.Data.Import;

// Stores a report and everything extracted from it, in one transaction. Shared by Web and Cli.
public sealed class ReportImporter
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private readonly IDbContextFactory<PolicyTrackerDbContext> _factory;
    private readonly TimeProvider _time;
    private readonly ICurrentUser _user;
    private readonly Func<string, DateOnly?, ReportExtraction> _extract;

    public ReportImporter(IDbContextFactory<PolicyTrackerDbContext> factory, TimeProvider time, ICurrentUser user)
    {
        _factory = factory;
        _time = time;
        _user = user;
        _extract = ReportExtractor.Default.Extract;
    }

    // Tests pass hand-built extractions here.
    public ReportImporter(
        IDbContextFactory<PolicyTrackerDbContext> factory,
        TimeProvider time,
        ICurrentUser user,
        Func<string, ReportExtraction> extract)
    {
        _factory = factory;
        _time = time;
        _user = user;
        _extract = (text, _) => extract(text);
    }

    public Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken ct = default) =>
        ImportAsync(request, beforeCommit: null, ct);

    // beforeCommit runs inside the report's transaction with the new report's id, so that a bulk
    // import can mark its item done in the same commit (a crash leaves both or neither).
    public async Task<ImportResult> ImportAsync(
        ImportRequest request, Func<PolicyTrackerDbContext, Guid, CancellationToken, Task>? beforeCommit, CancellationToken ct = default)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var text = request.Text!;
        var hash = TextKeys.Sha256Hex(text);
        var sourceUrl = string.IsNullOrWhiteSpace(request.SourceUrl) ? null : request.SourceUrl.Trim();

        await using var db = await _factory.CreateDbContextAsync(ct);

        // Yearless dates in the text are read against the date the editor gave, else the caller's reference (today on the form).
        // Extracted before the transaction: its names are the keys to lock, and a duplicate costs only this.
        var extraction = _extract(text, request.Published ?? request.ReferenceDate);
        var keys = ExtractionWriter.NameKeys(extraction).Append("text:" + hash);
        if (sourceUrl is not null)
        {
            keys = keys.Append("url:" + sourceUrl);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await KeyLocks.LockAsync(db, KeyLocks.Phase.Names, keys, ct);
                if (await FindDuplicateAsync(db, hash, sourceUrl, ct) is { } duplicate)
                {
                    return duplicate;
                }

                var report = new Report
                {
                    Headline = Headline(request.Headline, extraction, text),
                    Outlet = Clip(request.Outlet, 200) ?? Clip(extraction.Report.Outlet, 200),
                    // The extractor's date is a reading of the text; one that is no date is dropped, not stored.
                    Published = request.Published ?? (extraction.Report.Published is { } read && ReportInput.IsStorableDate(read) ? read : null),
                    SourceUrl = sourceUrl,
                    Text = text,
                    ContentHash = hash,
                    Status = request.Status,
                    EnteredBy = Clip(request.EnteredBy, 200) ?? _user.Name,
                    EnteredAt = _time.GetUtcNow(),
                    ExtractorVersion = extraction.ExtractorVersion,
                };
                if (report.Status == ReportStatus.Published)
                {
                    (report.PublishedBy, report.PublishedAt) = (report.EnteredBy, report.EnteredAt);
                }

                db.Reports.Add(report);

                var writer = new ExtractionWriter(db, report);
                await writer.WriteAsync(extraction, ct);
                await db.SaveChangesAsync(ct);
                await PublishedFlags.RefreshAsync(db, writer.MeetingIds, [report.Id], ct);
                if (beforeCommit is not null)
                {
                    await beforeCommit(db, report.Id, ct);
                }

                await transaction.CommitAsync(ct);
                return Succeeded(report.Id, writer);
            });
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another import of the same text or URL won the race.
            db.ChangeTracker.Clear();
            if (await FindDuplicateAsync(db, hash, sourceUrl, ct) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    // Runs the extractor again over a stored report. What editors judged stays as they left it;
    // this report's claims nobody judged are replaced by what the extractor finds now.
    public async Task<ImportResult> ReextractAsync(Guid reportId, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
            if (report is null)
            {
                return ImportResult.Failed(ImportProblem.NotFound, $"No report {reportId}.");
            }

            var extraction = _extract(report.Text, report.Published);
            await KeyLocks.LockAsync(db, KeyLocks.Phase.Names, ExtractionWriter.NameKeys(extraction).Append("text:" + report.ContentHash), ct);
            var touched = await ReportClaims.MeetingIdsAsync(db, reportId, ct);
            // The meetings it leaves are changed too: locked with those it finds, in one sorted set.
            var left = await db.Meetings.IgnoreQueryFilters().Where(m => touched.Contains(m.Id) && m.Date != null)
                .Select(m => new { m.OrganizationId, m.Date }).ToListAsync(ct);
            await ReportClaims.RemoveAsync(db, reportId, extractedOnly: true, ct);
            report.ExtractorVersion = extraction.ExtractorVersion;
            // Saved first: the retired sources must leave the unique indexes before new ones arrive.
            await db.SaveChangesAsync(ct);

            var writer = new ExtractionWriter(db, report);
            await writer.WriteAsync(extraction, ct, left.Select(m => ExtractionWriter.MeetingKey(m.OrganizationId, m.Date!.Value)));
            await db.SaveChangesAsync(ct);
            await Orphans.RetireAsync(db, touched.Concat(writer.MeetingIds), ct);
            await PublishedFlags.RefreshReportAsync(db, reportId, touched, ct);
            await transaction.CommitAsync(ct);
            return Succeeded(report.Id, writer);
        });
    }

    // Soft-deletes the report and its claims, with one timestamp, so that RestoreReportAsync can
    // bring back exactly those; facts and meetings no other report stands behind go with them.
    public async Task<bool> DeleteReportAsync(Guid reportId, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
            if (report is null)
            {
                return false;
            }

            var touched = await ReportClaims.MeetingIdsAsync(db, reportId, ct);
            db.Reports.Remove(report);
            await ReportClaims.RemoveAsync(db, reportId, extractedOnly: false, ct);
            await db.SaveChangesAsync(ct);
            await Orphans.RetireAsync(db, touched, ct);
            await PublishedFlags.RefreshAsync(db, touched, ct);
            await transaction.CommitAsync(ct);
            return true;
        });
    }

    public async Task<bool> RestoreReportAsync(Guid reportId, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var report = await db.Reports.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.Id == reportId, ct);
            if (report?.DeletedAt is not { } deletedAt)
            {
                return false;
            }

            Undelete(report);
            await ReportClaims.RestoreAsync(db, reportId, deletedAt, ct);
            await db.SaveChangesAsync(ct);
            await PublishedFlags.RefreshReportAsync(db, reportId, ct);
            await transaction.CommitAsync(ct);
            return true;
        });
    }

    private static void Undelete(Entity row)
    {
        row.DeletedAt = null;
        row.DeletedBy = null;
    }

    // Every way a report arrives (form, import, feed, CLI, seed) passes here, so this is where a date
    // that is no date is refused: 0001-01-01 would be stored as -infinity. A date in the future is for
    // the inputs to refuse (form, JSON Lines, feeds): they know the day the editor is in.
    private static ImportResult? Validate(ImportRequest request)
    {
        if (request.Published is { } published && !ReportInput.IsStorableDate(published))
        {
            return ImportResult.Failed(ImportProblem.InvalidDate,
                $"The publication date {published:yyyy-MM-dd} is outside {ReportInput.EarliestDate:yyyy-MM-dd} to {ReportInput.LatestStorableDate:yyyy-MM-dd}.");
        }

        var text = request.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ImportResult.Failed(ImportProblem.Empty, "The report text is empty.");
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxBytes)
        {
            return ImportResult.Failed(ImportProblem.TooLarge, $"The report is {bytes / 1048576.0:0.0} MB; the limit is 2 MB.");
        }

        if (LooksBinary(text))
        {
            return ImportResult.Failed(ImportProblem.Binary, "The report contains NUL or other control characters; it looks like a binary file, not text.");
        }

        var url = request.SourceUrl?.Trim();
        if (!string.IsNullOrEmpty(url)
            && (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            return ImportResult.Failed(ImportProblem.InvalidSourceUrl, "The source URL must be an absolute http or https address of at most 2000 characters.");
        }

        return null;
    }

    private static bool LooksBinary(string text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                control++;
            }
        }

        return control > text.Length / 100;
    }

    private static async Task<ImportResult?> FindDuplicateAsync(PolicyTrackerDbContext db, string hash, string? sourceUrl, CancellationToken ct)
    {
        // Soft-deleted reports count: the unique indexes do not filter them out either. One query for both keys.
        var same = await db.Reports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.ContentHash == hash || (sourceUrl != null && r.SourceUrl == sourceUrl))
            .Select(r => new { r.Id, SameText = r.ContentHash == hash }).Take(2).ToListAsync(ct);
        if (same.FirstOrDefault(r => r.SameText) is { } text)
        {
            return ImportResult.Failed(ImportProblem.DuplicateText, $"This text is already stored as report {text.Id}.", text.Id);
        }

        return same.FirstOrDefault() is { } url
            ? ImportResult.Failed(ImportProblem.DuplicateSourceUrl, $"A report from {sourceUrl} is already stored as report {url.Id}.", url.Id)
            : null;
    }

    private static string Headline(string? requested, ReportExtraction extraction, string text)
    {
        var firstLine = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return Clip(requested, 1000) ?? Clip(extraction.Report.Headline, 1000) ?? Clip(firstLine, 1000) ?? "(untitled)";
    }

    private static string? Clip(string? value, int maxLength)
    {
        value = value is null ? null : TextKeys.Clean(value);
        return string.IsNullOrEmpty(value) ? null : value.Length <= maxLength ? value : value[..maxLength];
    }

    private static ImportResult Succeeded(Guid reportId, ExtractionWriter writer) => new()
    {
        ReportId = reportId,
        Meetings = writer.Meetings,
        Participations = writer.Participations,
        Resolutions = writer.Resolutions,
        DocumentActions = writer.DocumentActions,
    };
}
