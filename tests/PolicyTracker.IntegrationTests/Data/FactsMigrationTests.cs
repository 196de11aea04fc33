using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyTracker.Data;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Seed;
using PolicyTracker.Extraction;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.TestSupport;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.IntegrationTests.Data;

// The demo data as the schema before FactsWithSources stored it: one row per fact per report, so the
// State Council meeting that two demo reports describe holds every shared fact twice. Migrating it
// must leave one fact with two sources, and lose no report's span, confidence or verification.
public sealed class FactsMigrationTests : IAsyncLifetime
{
    private const string Before = "20261127051623_ReportTextImmutable";
    private static readonly DateOnly SharedMeetingDate = new(2024, 1, 5);

    private TestDatabase? _database;
    private ServiceProvider? _services;

    private IDbContextFactory<PolicyTrackerDbContext> Factory => _services!.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("pt_migration");
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentUser>(new TestUser());
        services.AddPolicyTrackerData(_database.ConnectionString);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_demo_data_of_the_old_schema_becomes_one_fact_per_meeting_with_a_source_per_report_and_nothing_lost()
    {
        await _database!.MigrateAsync(Before);

        var old = await OldDemoData.WriteAsync(await _database.OpenAsync());
        old.SharedMeetingSources.ShouldBe(2, "the premise: two demo reports describe the State Council meeting of 2024-01-05");
        old.SharedParticipations.ShouldBeGreaterThan(old.SharedPeople, "the premise: the shared meeting holds each shared person twice");

        await DatabaseMigrator.MigrateAsync(Factory);

        await using var check = await Factory.CreateDbContextAsync();
        // Nothing lost: every old row is a source now, with its report, span and confidence.
        (await check.ParticipationSources.IgnoreQueryFilters().CountAsync()).ShouldBe(old.Participations);
        (await check.ResolutionSources.IgnoreQueryFilters().CountAsync()).ShouldBe(old.Resolutions);
        (await check.DocumentActionSources.IgnoreQueryFilters().CountAsync()).ShouldBe(old.DocumentActions);
        (await check.ParticipationSources.IgnoreQueryFilters().SumAsync(s => (long)s.SpanStart + s.SpanLength)).ShouldBe(old.ParticipationSpanSum);

        // One fact per person at the shared meeting, each shared one with both reports as sources.
        var shared = await check.Meetings.Include(m => m.Sources).Include(m => m.Participations).ThenInclude(p => p.Sources)
            .SingleAsync(m => m.Date == SharedMeetingDate && m.Organization.Name == "State Council");
        shared.Sources.Count.ShouldBe(2);
        shared.Participations.Count.ShouldBe(old.SharedPeople);
        shared.Participations.Sum(p => p.Sources.Count).ShouldBe(old.SharedParticipations);
        shared.Participations.ShouldContain(p => p.Sources.Count == 2);
        (await check.Resolutions.Where(r => r.MeetingId == shared.Id).Select(r => r.TextKey).ToListAsync()).ShouldBeUnique();

        // The duplicates are soft-deleted, restorable and audited, not dropped.
        var merged = await check.Participations.IgnoreQueryFilters().CountAsync(p => p.DeletedBy!.StartsWith("migration: merged into"));
        merged.ShouldBe(old.SharedParticipations - old.SharedPeople);
        (await check.AuditEntries.CountAsync(a => a.UserName == "migration" && a.EntityType == nameof(Participation))).ShouldBe(merged);

        // Verification carried over as a verdict, with who and when; the rest is the extractor's.
        var accepted = await check.ParticipationSources.SingleAsync(s => s.Verdict == Verdict.Accepted);
        (accepted.VerdictBy, accepted.VerdictAt).ShouldBe(("old-editor", old.VerifiedAt));
        (await check.ParticipationSources.CountAsync(s => s.Verdict == Verdict.Extracted)).ShouldBe(old.Participations - 1);
        (await check.MeetingSources.AllAsync(s => s.ExtractorVersion == ReportExtractor.Version)).ShouldBeTrue();

        // Look-ups no longer collide on surnames or meeting names.
        (await check.PersonAliases.AnyAsync(a => a.Alias != a.Person.Name && !EF.Functions.Like(a.Alias, "% %"))).ShouldBeFalse();
        (await check.PersonAliases.CountAsync()).ShouldBe(old.People);
        (await check.OrganizationAliases.AnyAsync(a => a.Alias.Contains("meeting"))).ShouldBeFalse();

        // Browsing counts facts: the meetings list agrees with a hand count.
        (await check.Meetings.AllAsync(m => m.Published)).ShouldBeTrue();
        var row = (await new MeetingQueries(new PublishedData(Factory)).ListAsync(new MeetingFilter(BodyId: shared.OrganizationId, From: SharedMeetingDate, To: SharedMeetingDate), 0, 10, null, true))
            .Rows.ShouldHaveSingleItem();
        (row.Participants, row.Sources).ShouldBe((old.SharedPeople, 2));
    }

    // Writes the demo reports the way the importer before FactsWithSources did: a row per fact per
    // report, people with their bare surname as an alias, and one verified participation.
    private sealed class OldDemoData(NpgsqlConnection connection)
    {
        private readonly Dictionary<string, Guid> _bodies = [];
        private readonly Dictionary<(Guid, DateOnly?), Guid> _meetings = [];
        private readonly Dictionary<string, Guid> _people = [];
        private readonly Dictionary<string, Guid> _documents = [];

        public int Participations { get; private set; }

        public int Resolutions { get; private set; }

        public int DocumentActions { get; private set; }

        public long ParticipationSpanSum { get; private set; }

        public int SharedMeetingSources { get; private set; }

        public int SharedParticipations { get; private set; }

        public int SharedPeople => _sharedPeople.Count;

        public int People => _people.Count;

        public DateTimeOffset VerifiedAt { get; } = new(2024, 1, 6, 8, 0, 0, TimeSpan.Zero);

        private readonly HashSet<Guid> _sharedPeople = [];

        public static async Task<OldDemoData> WriteAsync(NpgsqlConnection connection)
        {
            await using (connection)
            {
                var data = new OldDemoData(connection);
                foreach (var name in DemoData.ReportNames)
                {
                    await data.ReportAsync(name, await DemoData.ReadAsync(name));
                }

                return data;
            }
        }

        private async Task ReportAsync(string name, string text)
        {
            var extraction = ReportExtractor.Default.Extract(text);
            var published = DateOnly.ParseExact(name["DemoReports/".Length..][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var reportId = Guid.CreateVersion7();
            await ExecAsync("""
                INSERT INTO reports (id, headline, outlet, published, text, content_hash, status, entered_by, entered_at, extractor_version)
                VALUES (@id, @headline, 'PolicyTracker Demo Wire', @published, @text, @hash, 'Published', 'seed', now(), @version)
                """, ("id", reportId), ("headline", extraction.Report.Headline ?? name), ("published", published), ("text", text),
                ("hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))), ("version", extraction.ExtractorVersion));

            foreach (var meeting in extraction.Meetings)
            {
                var bodyId = await BodyAsync(meeting.Body ?? "Unidentified body");
                var key = (bodyId, meeting.Date);
                var isShared = meeting.Body == "State Council" && meeting.Date == SharedMeetingDate;
                if (!_meetings.TryGetValue(key, out var meetingId))
                {
                    meetingId = Guid.CreateVersion7();
                    _meetings[key] = meetingId;
                    await ExecAsync("INSERT INTO meetings (id, organization_id, date) VALUES (@id, @body, @date)",
                        ("id", meetingId), ("body", bodyId), ("date", meeting.Date));
                }

                SharedMeetingSources += isShared ? 1 : 0;
                await ExecAsync("""
                    INSERT INTO meeting_sources (id, meeting_id, source_report_id, span_start, span_length, confidence, verified)
                    VALUES (@id, @meeting, @report, @start, @length, @confidence, false)
                    """, ("id", Guid.CreateVersion7()), ("meeting", meetingId), ("report", reportId),
                    ("start", meeting.Span.Start), ("length", meeting.Span.Length), ("confidence", meeting.Confidence));

                for (var i = 0; i < meeting.Participants.Count; i++)
                {
                    var p = meeting.Participants[i];
                    var personId = await PersonAsync(p.Name);
                    var verified = Participations == 0;
                    await ExecAsync("""
                        INSERT INTO participations (id, meeting_id, person_id, role, title_as_written, position, source_report_id,
                            span_start, span_length, confidence, verified, verified_by, verified_at)
                        VALUES (@id, @meeting, @person, @role, @title, @position, @report, @start, @length, @confidence, @verified, @by, @at)
                        """, ("id", Guid.CreateVersion7()), ("meeting", meetingId), ("person", personId), ("role", p.Role.ToString()),
                        ("title", p.TitleAsWritten), ("position", i), ("report", reportId), ("start", p.Span.Start), ("length", p.Span.Length),
                        ("confidence", p.Confidence), ("verified", verified), ("by", verified ? "old-editor" : null), ("at", verified ? VerifiedAt : null));
                    Participations++;
                    ParticipationSpanSum += p.Span.Start + p.Span.Length;
                    if (isShared)
                    {
                        SharedParticipations++;
                        _sharedPeople.Add(personId);
                    }
                }

                for (var i = 0; i < meeting.Resolutions.Count; i++)
                {
                    var r = meeting.Resolutions[i];
                    await ExecAsync("""
                        INSERT INTO resolutions (id, meeting_id, text, verb, issued_by, position, source_report_id, span_start, span_length, confidence, verified)
                        VALUES (@id, @meeting, @text, @verb, @by, @position, @report, @start, @length, @confidence, false)
                        """, ("id", Guid.CreateVersion7()), ("meeting", meetingId), ("text", r.Text), ("verb", r.Verb), ("by", r.IssuedBy),
                        ("position", i), ("report", reportId), ("start", r.Span.Start), ("length", r.Span.Length), ("confidence", r.Confidence));
                    Resolutions++;
                }

                for (var i = 0; i < meeting.Documents.Count; i++)
                {
                    var d = meeting.Documents[i];
                    await ExecAsync("""
                        INSERT INTO document_actions (id, document_id, meeting_id, action, position, source_report_id, span_start, span_length, confidence, verified)
                        VALUES (@id, @document, @meeting, @action, @position, @report, @start, @length, @confidence, false)
                        """, ("id", Guid.CreateVersion7()), ("document", await DocumentAsync(d.Title, d.Kind)), ("meeting", meetingId),
                        ("action", d.Action.ToString()), ("position", i), ("report", reportId), ("start", d.Span.Start), ("length", d.Span.Length),
                        ("confidence", d.Confidence));
                    DocumentActions++;
                }
            }
        }

        private async Task<Guid> BodyAsync(string name)
        {
            if (!_bodies.TryGetValue(name, out var id))
            {
                id = Guid.CreateVersion7();
                _bodies[name] = id;
                await ExecAsync("INSERT INTO organizations (id, name) VALUES (@id, @name)", ("id", id), ("name", name));
                await ExecAsync("INSERT INTO organization_aliases (id, organization_id, alias) VALUES (@id, @body, @alias)",
                    ("id", Guid.CreateVersion7()), ("body", id), ("alias", name + " executive meeting"));
            }

            return id;
        }

        private async Task<Guid> PersonAsync(string name)
        {
            if (!_people.TryGetValue(name, out var id))
            {
                id = Guid.CreateVersion7();
                _people[name] = id;
                await ExecAsync("INSERT INTO people (id, name) VALUES (@id, @name)", ("id", id), ("name", name));
                foreach (var alias in new[] { name, name.Split(' ')[0] }.Distinct())
                {
                    await ExecAsync("INSERT INTO person_aliases (id, person_id, alias) VALUES (@id, @person, @alias)",
                        ("id", Guid.CreateVersion7()), ("person", id), ("alias", alias));
                }
            }

            return id;
        }

        private async Task<Guid> DocumentAsync(string title, string? kind)
        {
            var key = title.ToLowerInvariant();
            if (!_documents.TryGetValue(key, out var id))
            {
                id = Guid.CreateVersion7();
                _documents[key] = id;
                await ExecAsync("INSERT INTO documents (id, title, normalized_title, kind) VALUES (@id, @title, @key, @kind)",
                    ("id", id), ("title", title), ("key", key), ("kind", kind));
            }

            return id;
        }

        private async Task ExecAsync(string sql, params (string Name, object? Value)[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            await command.ExecuteNonQueryAsync();
        }
    }
}
