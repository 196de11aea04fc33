using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Data;

[Collection(DatabaseTestGroup.Name)]
public sealed class PersistenceTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_concurrent_update_of_the_same_row_from_two_contexts_raises_a_concurrency_exception()
    {
        var id = await AddOrganizationAsync("State Council");
        await using var first = await fixture.CreateDbContextAsync();
        await using var second = await fixture.CreateDbContextAsync();
        var mine = await first.Organizations.SingleAsync(o => o.Id == id);
        var theirs = await second.Organizations.SingleAsync(o => o.Id == id);

        mine.Name = "State Council of the PRC";
        await first.SaveChangesAsync();
        theirs.Name = "The State Council";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Soft_deleted_rows_are_hidden_by_default_visible_with_IgnoreQueryFilters_and_restorable()
    {
        var id = await AddOrganizationAsync("Political Bureau");
        fixture.User.Name = "editor";
        await using (var db = await fixture.CreateDbContextAsync())
        {
            db.Organizations.Remove(await db.Organizations.SingleAsync(o => o.Id == id));
            await db.SaveChangesAsync();
        }

        await using (var db = await fixture.CreateDbContextAsync())
        {
            (await db.Organizations.AnyAsync()).ShouldBeFalse();
            var hidden = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == id);
            hidden.DeletedAt.ShouldBe(TestClock.Start);
            hidden.DeletedBy.ShouldBe("editor");

            (await db.RestoreAsync<Organization>(id)).ShouldBeTrue();
        }

        await using var check = await fixture.CreateDbContextAsync();
        var restored = await check.Organizations.SingleAsync();
        restored.DeletedAt.ShouldBeNull();
        (await check.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync())
            .ShouldBe([AuditAction.Added, AuditAction.Deleted, AuditAction.Restored]);
    }

    [Fact]
    public async Task Audit_entries_record_who_when_where_and_the_old_and_new_values()
    {
        var id = await AddOrganizationAsync("Cabinet");
        fixture.User.Name = "alice";
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await using (var db = await fixture.CreateDbContextAsync())
        {
            (await db.Organizations.SingleAsync()).Name = "Cabinet Office";
            await db.SaveChangesAsync();
        }

        await using var check = await fixture.CreateDbContextAsync();
        var entries = await check.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync();
        entries.Count.ShouldBe(2);
        var added = entries[0];
        (added.Action, added.EntityType, added.UserName, added.At, added.OldValues).ShouldBe((AuditAction.Added, "Organization", "tester", TestClock.Start, null));
        JsonDocument.Parse(added.NewValues!).RootElement.GetProperty("name").GetString().ShouldBe("Cabinet");

        var modified = entries[1];
        (modified.Action, modified.UserName, modified.At, modified.ClientAddress)
            .ShouldBe((AuditAction.Modified, "alice", TestClock.Start.AddHours(2), "203.0.113.7"));
        JsonDocument.Parse(modified.OldValues!).RootElement.GetProperty("name").GetString().ShouldBe("Cabinet");
        JsonDocument.Parse(modified.NewValues!).RootElement.GetProperty("name").GetString().ShouldBe("Cabinet Office");
        JsonDocument.Parse(modified.NewValues!).RootElement.EnumerateObject().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_reports_original_text_cannot_be_modified_through_EF_or_SQL()
    {
        var imported = await fixture.Importer().ImportAsync(new ImportRequest("Headline\n\nThe original words."));
        await using (var db = await fixture.CreateDbContextAsync())
        {
            var report = await db.Reports.SingleAsync();
            report.Text = "Edited words.";
            await Should.ThrowAsync<ImmutableReportTextException>(() => db.SaveChangesAsync());
        }

        await using (var db = await fixture.CreateDbContextAsync())
        {
            var sql = db.Database.ExecuteSqlAsync($"UPDATE reports SET text = 'Edited words.' WHERE id = {imported.ReportId}");
            (await Should.ThrowAsync<PostgresException>(() => sql)).SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        }

        await using (var db = await fixture.CreateDbContextAsync())
        {
            var report = await db.Reports.SingleAsync();
            report.Status = ReportStatus.Published;
            fixture.Clock.Advance(TimeSpan.FromMinutes(5));
            await db.SaveChangesAsync();
        }

        await using var check = await fixture.CreateDbContextAsync();
        var stored = await check.Reports.SingleAsync();
        stored.Text.ShouldBe("Headline\n\nThe original words.");
        stored.Status.ShouldBe(ReportStatus.Published);
        stored.UpdatedAt.ShouldBe(TestClock.Start.AddMinutes(5));
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        await using var db = await fixture.CreateDbContextAsync();

        db.Database.HasPendingModelChanges().ShouldBeFalse();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    private async Task<Guid> AddOrganizationAsync(string name)
    {
        await using var db = await fixture.CreateDbContextAsync();
        var organization = new Organization { Name = name };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }
}
