using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyTracker.Data.Records;
using PolicyTracker.Data.Seed.Synthetic;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Data;

// The generator behind `policytracker seed --synthetic`: a small archive must have the shapes of a
// big one, keep every constraint, and point every span at what it claims.
[Collection(DatabaseTestGroup.Name)]
public sealed class SyntheticArchiveTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const int Meetings = 300;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_small_archive_has_the_promised_shapes()
    {
        var result = await GenerateAsync();

        result.RowsOf("meetings").ShouldBe(Meetings);
        (await CountAsync("SELECT count(*) FROM meetings")).ShouldBe(Meetings);
        var reports = await CountAsync("SELECT count(*) FROM reports");
        reports.ShouldBe(result.RowsOf("reports"));
        (await CountAsync("SELECT count(*) FROM meeting_sources")).ShouldBe(reports);
        (await CountAsync("SELECT count(*) FROM participations")).ShouldBe(result.RowsOf("participations"));

        // ~40% of meetings reported twice or more, ~10% drafts, ~3% archived.
        var multi = await CountAsync("SELECT count(*) FROM (SELECT meeting_id FROM meeting_sources GROUP BY meeting_id HAVING count(*) > 1) x");
        ((double)multi / Meetings).ShouldBeInRange(0.28, 0.52);
        ((double)await CountAsync("SELECT count(*) FROM reports WHERE status = 'Draft'") / reports).ShouldBeInRange(0.05, 0.16);
        (await CountAsync("SELECT count(*) FROM reports WHERE status = 'Archived'")).ShouldBeGreaterThan(0);
        (await CountAsync("SELECT count(*) FROM reports WHERE entered_by <> 'synthetic'")).ShouldBe(0);

        // 5–15 people, 2–8 resolutions and 0–3 documents per meeting; dates over most of 20 years.
        (await CountAsync("SELECT count(*) FROM (SELECT m.id FROM meetings m LEFT JOIN participations p ON p.meeting_id = m.id GROUP BY m.id HAVING count(p.id) NOT BETWEEN 5 AND 15) x")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM (SELECT m.id FROM meetings m LEFT JOIN resolutions r ON r.meeting_id = m.id GROUP BY m.id HAVING count(r.id) NOT BETWEEN 2 AND 8) x")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM (SELECT meeting_id FROM document_actions GROUP BY meeting_id HAVING count(*) > 3) x")).ShouldBe(0);
        (await CountAsync("SELECT (max(date) - min(date)) / 365 FROM meetings")).ShouldBeGreaterThanOrEqualTo(15);
        (await CountAsync("SELECT count(*) FROM organizations WHERE parent_id IS NOT NULL")).ShouldBeGreaterThan(0);

        // Zipf: the busiest person attends far more meetings than the median one.
        var top = await CountAsync("SELECT max(n) FROM (SELECT count(*) AS n FROM participations GROUP BY person_id) x");
        var median = await CountAsync("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM (SELECT count(*) AS n FROM participations GROUP BY person_id) x");
        top.ShouldBeGreaterThan(median * 5);

        // Documents recur: reviewed at one meeting, adopted at a later one.
        (await CountAsync("""
            SELECT count(*) FROM document_actions a JOIN meetings ma ON ma.id = a.meeting_id
            JOIN document_actions b ON b.document_id = a.document_id JOIN meetings mb ON mb.id = b.meeting_id
            WHERE a.action IN ('Reviewed', 'Discussed', 'Deliberated') AND b.action IN ('Adopted', 'Approved', 'Passed') AND mb.date > ma.date
            """)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Keys_hold_and_published_flags_follow_the_rule()
    {
        await GenerateAsync();

        (await CountAsync("SELECT count(*) - count(DISTINCT content_hash) FROM reports")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM reports WHERE content_hash <> encode(sha256(convert_to(text, 'UTF8')), 'hex')")).ShouldBe(0);
        (await CountAsync("SELECT count(*) - count(DISTINCT (organization_id, date)) FROM meetings")).ShouldBe(0);
        (await CountAsync("SELECT count(*) - count(DISTINCT (meeting_id, person_id)) FROM participations")).ShouldBe(0);
        (await CountAsync("SELECT count(*) - count(DISTINCT (meeting_id, text_key)) FROM resolutions")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM resolutions WHERE text_key <> lower(regexp_replace(btrim(text), '\\s+', ' ', 'g'))")).ShouldBe(0);

        // Foreign keys by hand: the generator may have skipped the per-row triggers.
        foreach (var (child, column, parent) in new[]
        {
            ("organizations", "parent_id", "organizations"), ("organization_aliases", "organization_id", "organizations"),
            ("person_aliases", "person_id", "people"), ("person_titles", "person_id", "people"), ("person_titles", "source_report_id", "reports"),
            ("meetings", "organization_id", "organizations"), ("meeting_sources", "meeting_id", "meetings"),
            ("meeting_sources", "source_report_id", "reports"), ("participations", "meeting_id", "meetings"),
            ("participations", "person_id", "people"), ("participation_sources", "fact_id", "participations"),
            ("participation_sources", "source_report_id", "reports"), ("resolutions", "meeting_id", "meetings"),
            ("resolutions", "issued_by_person_id", "people"), ("resolution_sources", "fact_id", "resolutions"),
            ("resolution_sources", "source_report_id", "reports"), ("document_actions", "meeting_id", "meetings"),
            ("document_actions", "document_id", "documents"), ("document_action_sources", "fact_id", "document_actions"),
            ("document_action_sources", "source_report_id", "reports"),
        })
        {
            (await CountAsync($"SELECT count(*) FROM {child} c WHERE c.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = c.{column})"))
                .ShouldBe(0, $"{child}.{column}");
        }

        // Every fact has a source; flags are what PublishedFlags would set.
        foreach (var (facts, sources) in new[] { ("participations", "participation_sources"), ("resolutions", "resolution_sources"), ("document_actions", "document_action_sources") })
        {
            (await CountAsync($"SELECT count(*) FROM {facts} f WHERE NOT EXISTS (SELECT 1 FROM {sources} s WHERE s.fact_id = f.id)")).ShouldBe(0, facts);
            (await CountAsync($"""
                SELECT count(*) FROM {facts} f WHERE f.published IS DISTINCT FROM EXISTS (
                    SELECT 1 FROM {sources} s JOIN reports r ON r.id = s.source_report_id
                    WHERE s.fact_id = f.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed' AND r.status = 'Published' AND r.deleted_at IS NULL)
                """)).ShouldBe(0, facts);
            (await CountAsync($"SELECT count(*) FROM {facts} WHERE NOT published")).ShouldBeGreaterThan(0, facts);
        }

        (await CountAsync("""
            SELECT count(*) FROM meetings m WHERE m.published IS DISTINCT FROM EXISTS (
                SELECT 1 FROM meeting_sources s JOIN reports r ON r.id = s.source_report_id
                WHERE s.meeting_id = m.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed' AND r.status = 'Published' AND r.deleted_at IS NULL)
            """)).ShouldBe(0);

        // And the application's own refresh changes nothing.
        var before = await CountAsync("SELECT (SELECT count(*) FROM meetings WHERE published) + (SELECT count(*) FROM participations WHERE published) + (SELECT count(*) FROM resolutions WHERE published) + (SELECT count(*) FROM document_actions WHERE published)");
        await using (var db = await fixture.CreateDbContextAsync())
        {
            await PublishedFlags.RefreshAllAsync(db, default);
        }

        (await CountAsync("SELECT (SELECT count(*) FROM meetings WHERE published) + (SELECT count(*) FROM participations WHERE published) + (SELECT count(*) FROM resolutions WHERE published) + (SELECT count(*) FROM document_actions WHERE published)"))
            .ShouldBe(before);
    }

    [Fact]
    public async Task Spans_point_inside_the_text_at_what_they_claim()
    {
        await GenerateAsync();

        foreach (var sources in new[] { "meeting_sources", "participation_sources", "resolution_sources", "document_action_sources" })
        {
            (await CountAsync($"SELECT count(*) FROM {sources} s JOIN reports r ON r.id = s.source_report_id WHERE s.span_length = 0 OR s.span_start + s.span_length > length(r.text)"))
                .ShouldBe(0, sources);
        }

        (await CountAsync("""
            SELECT count(*) FROM participation_sources s JOIN reports r ON r.id = s.source_report_id
            JOIN participations f ON f.id = s.fact_id JOIN people p ON p.id = f.person_id
            WHERE substr(r.text, s.span_start + 1, s.span_length) <> p.name
            """)).ShouldBe(0);
        (await CountAsync("""
            SELECT count(*) FROM resolution_sources s JOIN reports r ON r.id = s.source_report_id JOIN resolutions f ON f.id = s.fact_id
            WHERE right(substr(r.text, s.span_start + 1, s.span_length), length(f.text)) <> f.text
               OR strpos(substr(r.text, s.span_start + 1, s.span_length), f.verb) = 0
            """)).ShouldBe(0);
        (await CountAsync("""
            SELECT count(*) FROM document_action_sources s JOIN reports r ON r.id = s.source_report_id
            JOIN document_actions f ON f.id = s.fact_id JOIN documents d ON d.id = f.document_id
            WHERE lower(substr(r.text, s.span_start + 1, s.span_length)) <> lower(d.title)
            """)).ShouldBe(0);
        (await CountAsync("""
            SELECT count(*) FROM meeting_sources s JOIN reports r ON r.id = s.source_report_id
            JOIN meetings m ON m.id = s.meeting_id JOIN organizations o ON o.id = m.organization_id
            WHERE right(substr(r.text, s.span_start + 1, s.span_length), length(o.name)) <> o.name
            """)).ShouldBe(0);

        // The reports are readable through EF like any other.
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBeGreaterThan(Meetings);
        (await db.Meetings.CountAsync(m => m.Published)).ShouldBeGreaterThan(Meetings / 2);
    }

    [Fact]
    public async Task It_refuses_a_database_with_reports_unless_appending_and_is_deterministic()
    {
        await GenerateAsync();
        var texts = await CountAsync("SELECT hashtext(string_agg(text, '' ORDER BY text)) FROM reports");

        await Should.ThrowAsync<InvalidOperationException>(GenerateAsync);

        // Appending with the same seed adds a second archive without breaking a unique key.
        await SyntheticArchive.GenerateAsync(fixture.ConnectionString, new SyntheticOptions { Meetings = 100, Seed = 7, Append = true });
        (await CountAsync("SELECT count(*) FROM meetings")).ShouldBe(Meetings + 100);

        // Same seed on an empty database: the same texts.
        await fixture.ResetAsync();
        await GenerateAsync();
        (await CountAsync("SELECT hashtext(string_agg(text, '' ORDER BY text)) FROM reports")).ShouldBe(texts);
    }

    private Task<SyntheticResult> GenerateAsync() =>
        SyntheticArchive.GenerateAsync(fixture.ConnectionString, new SyntheticOptions { Meetings = Meetings, Seed = 7, BatchMeetings = 120 });

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
