using Npgsql;
using NpgsqlTypes;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Seed.Synthetic;

// One binary COPY per table and batch, in foreign-key order, on the caller's transaction.
internal sealed class ArchiveWriter(NpgsqlConnection connection)
{
    private const string SourceColumns =
        "source_report_id, span_start, span_length, confidence, extractor_version, verdict, in_bulk, verdict_by, verdict_at";

    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, long>> Rows => _rows.OrderBy(r => Order.IndexOf(r.Key));

    private static readonly List<string> Order =
    [
        "organizations", "organization_aliases", "people", "person_aliases", "person_titles", "documents", "reports", "meetings",
        "meeting_sources", "participations", "participation_sources", "resolutions", "resolution_sources",
        "document_actions", "document_action_sources",
    ];

    public async Task WriteStaticAsync(ArchiveBuilder builder, CancellationToken ct)
    {
        await CopyAsync("organizations", "id, name, parent_id", builder.NewOrganizations, (w, r) =>
        {
            Uuid(w, r.Id);
            Text(w, r.Name);
            Uuid(w, r.ParentId);
        }, ct);
        await CopyAsync("organization_aliases", "id, organization_id, alias", builder.NewOrganizationAliases, WriteAlias, ct);
        await CopyAsync("people", "id, name", builder.NewPeople, (w, r) =>
        {
            Uuid(w, r.Id);
            Text(w, r.Name);
        }, ct);
        await CopyAsync("person_aliases", "id, person_id, alias", builder.NewPersonAliases, WriteAlias, ct);
    }

    public async Task WriteBatchAsync(Batch batch, CancellationToken ct)
    {
        // As PublishedFlags keeps them: a fact is published only in a published meeting, a participation carries its date.
        var meetings = batch.Meetings.ToDictionary(m => m.Id);
        await CopyAsync("documents", "id, title, normalized_title, kind", batch.Documents, (w, r) =>
        {
            Uuid(w, r.Id);
            Text(w, r.Title);
            Text(w, r.NormalizedTitle);
            Text(w, r.Kind);
        }, ct);
        await CopyAsync("reports",
            "id, headline, outlet, published, source_url, text, content_hash, status, entered_by, entered_at, extractor_version, updated_at, published_by, published_at",
            batch.Reports, (w, r) =>
            {
                Uuid(w, r.Id);
                Text(w, r.Headline);
                Text(w, r.Outlet);
                w.Write(r.Published, NpgsqlDbType.Date);
                Text(w, r.SourceUrl);
                Text(w, r.Text);
                Text(w, r.ContentHash);
                Text(w, r.Status);
                Text(w, SyntheticArchive.EnteredBy);
                Time(w, r.EnteredAt);
                Text(w, r.ExtractorVersion);
                Time(w, r.UpdatedAt);
                var published = r.Status == nameof(ReportStatus.Published);
                Text(w, published ? SyntheticArchive.EnteredBy : null);
                Time(w, published ? r.UpdatedAt ?? r.EnteredAt : null);
            }, ct);
        await CopyAsync("meetings", "id, organization_id, session, date, location, published", batch.Meetings, (w, r) =>
        {
            Uuid(w, r.Id);
            Uuid(w, r.OrganizationId);
            Text(w, r.Session);
            w.Write(r.Date, NpgsqlDbType.Date);
            Text(w, r.Location);
            w.Write(r.Published, NpgsqlDbType.Boolean);
        }, ct);
        // The synthetic meetings always have a date and a chair, and a reviewed meeting's fields take its verdict.
        await CopyAsync("meeting_sources", $"id, meeting_id, {SourceColumns}, body_verdict, date_verdict, chair_verdict", batch.MeetingSources, (w, r) =>
        {
            WriteSource(w, r);
            Text(w, r.Verdict);
            Text(w, r.Verdict);
            Text(w, r.Verdict);
        }, ct);
        await CopyAsync("participations", "id, meeting_id, person_id, role, title_as_written, position, published, meeting_date", batch.Participations, (w, r) =>
        {
            var meeting = meetings[r.MeetingId];
            Uuid(w, r.Id);
            Uuid(w, r.MeetingId);
            Uuid(w, r.PersonId);
            Text(w, r.Role);
            Text(w, r.TitleAsWritten);
            w.Write(r.Position, NpgsqlDbType.Integer);
            w.Write(r.Published && meeting.Published, NpgsqlDbType.Boolean);
            w.Write(meeting.Date, NpgsqlDbType.Date);
        }, ct);
        await CopyAsync("participation_sources", $"id, fact_id, {SourceColumns}", batch.ParticipationSources, WriteSource, ct);
        await CopyAsync("resolutions", "id, meeting_id, text, text_key, verb, issued_by, issued_by_person_id, position, published", batch.Resolutions, (w, r) =>
        {
            Uuid(w, r.Id);
            Uuid(w, r.MeetingId);
            Text(w, r.Text);
            Text(w, r.TextKey);
            Text(w, r.Verb);
            Text(w, r.IssuedBy);
            Uuid(w, r.IssuedByPersonId);
            w.Write(r.Position, NpgsqlDbType.Integer);
            w.Write(r.Published && meetings[r.MeetingId].Published, NpgsqlDbType.Boolean);
        }, ct);
        await CopyAsync("resolution_sources", $"id, fact_id, {SourceColumns}", batch.ResolutionSources, WriteSource, ct);
        await CopyAsync("document_actions", "id, document_id, meeting_id, action, position, published", batch.DocumentActions, (w, r) =>
        {
            Uuid(w, r.Id);
            Uuid(w, r.DocumentId);
            Uuid(w, r.MeetingId);
            Text(w, r.Action);
            w.Write(r.Position, NpgsqlDbType.Integer);
            w.Write(r.Published && meetings[r.MeetingId].Published, NpgsqlDbType.Boolean);
        }, ct);
        await CopyAsync("document_action_sources", $"id, fact_id, {SourceColumns}", batch.DocumentActionSources, WriteSource, ct);
    }

    public Task WriteTitlesAsync(List<PersonTitleRow> titles, CancellationToken ct) =>
        CopyAsync("person_titles", "id, person_id, title, first_seen, last_seen, source_report_id", titles, (w, r) =>
        {
            Uuid(w, r.Id);
            Uuid(w, r.PersonId);
            Text(w, r.Title);
            w.Write(r.FirstSeen, NpgsqlDbType.Date);
            w.Write(r.LastSeen, NpgsqlDbType.Date);
            Uuid(w, r.SourceReportId);
        }, ct);

    private async Task CopyAsync<T>(string table, string columns, List<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        _rows[table] = _rows.GetValueOrDefault(table) + rows.Count;
        if (rows.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        importer.Timeout = TimeSpan.FromHours(1);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            write(importer, row);
        }

        await importer.CompleteAsync(ct);
    }

    private static void WriteAlias(NpgsqlBinaryImporter w, AliasRow r)
    {
        Uuid(w, r.Id);
        Uuid(w, r.OwnerId);
        Text(w, r.Alias);
    }

    private static void WriteSource(NpgsqlBinaryImporter w, SourceRow r)
    {
        Uuid(w, r.Id);
        Uuid(w, r.OwnerId);
        Uuid(w, r.ReportId);
        w.Write(r.SpanStart, NpgsqlDbType.Integer);
        w.Write(r.SpanLength, NpgsqlDbType.Integer);
        w.Write(r.Confidence, NpgsqlDbType.Double);
        Text(w, r.ExtractorVersion);
        Text(w, r.Verdict);
        w.Write(r.InBulk, NpgsqlDbType.Boolean);
        Text(w, r.VerdictBy);
        Time(w, r.VerdictAt);
    }

    private static void Uuid(NpgsqlBinaryImporter w, Guid? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Uuid);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Time(NpgsqlBinaryImporter w, DateTime? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.TimestampTz);
        }
        else
        {
            w.WriteNull();
        }
    }
}
