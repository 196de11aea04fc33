using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Import.Jobs;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Data;

// Npgsql writes DateOnly.MinValue and DateTimeOffset.MinValue as -infinity, which the quality page could not
// subtract from ('cannot subtract infinite timestamps'). The inputs refuse a date outside 1900 to tomorrow, the
// importer every report passes refuses one outside 1900 to 2100, and the table refuses what a forgotten
// assignment would still write.
[Collection(DatabaseTestGroup.Name)]
public sealed class FiniteDatesTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("9999-12-31")]
    public async Task A_publication_date_that_is_no_date_is_refused_by_the_importer_and_nothing_is_stored(string date)
    {
        var result = await fixture.Importer(t => Extractions.Commission(t))
            .ImportAsync(new ImportRequest(Extractions.NationalSecurityCommission) { Published = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) });

        result.Succeeded.ShouldBeFalse();
        result.Problem.ShouldBe(ImportProblem.InvalidDate);
        result.Message.ShouldNotBeNull().ShouldContain($"{date} is outside 1900-01-01 to 2100-12-31");
        await using var db = await fixture.CreateDbContextAsync();
        (await db.Reports.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Tomorrow_and_1900_are_inside_the_bounds()
    {
        var importer = fixture.Importer(t => Extractions.Commission(t));

        (await importer.ImportAsync(new ImportRequest(Extractions.NationalSecurityCommission) { Published = Today.AddDays(1) })).Succeeded.ShouldBeTrue();
        (await importer.ImportAsync(new ImportRequest(Extractions.NationalSecurityCommission + " ") { Published = ReportInput.EarliestDate })).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void The_form_and_a_JSON_Lines_import_name_the_bad_date_and_refuse_one_after_tomorrow()
    {
        ReportInput.Validate(new ReportDraftInput { Text = "text", Published = Today.AddDays(2) }, Today)["Published"].ShouldContain("in the future");
        ReportInput.Validate(new ReportDraftInput { Text = "text", Published = DateOnly.MinValue }, Today)["Published"]
            .ShouldBe("The publication date 0001-01-01 is before 1900-01-01: give the date the report appeared.");
        ReportInput.Validate(new ReportDraftInput { Text = "text", Published = Today.AddDays(1) }, Today).ShouldBeEmpty();

        var line = ImportItemReader.ToRequest(ImportSourceKind.JsonLines, "line 3",
            Encoding.UTF8.GetBytes("""{"text":"The cabinet met.","published":"0001-01-01"}"""), Today);

        line.Request.ShouldBeNull();
        line.Error.ShouldNotBeNull().ShouldContain("0001-01-01 is before 1900");
    }

    [Theory]
    [InlineData("UPDATE reports SET entered_at = '-infinity'", "ck_reports_entered_at_finite")]
    [InlineData("UPDATE reports SET published = '-infinity'", "ck_reports_published_finite")]
    [InlineData("UPDATE meetings SET date = 'infinity'", "ck_meetings_date_finite")]
    public async Task The_database_refuses_an_infinite_entry_time_publication_or_meeting_date(string sql, string constraint)
    {
        (await fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(Extractions.NationalSecurityCommission))).Succeeded.ShouldBeTrue();
        await using var db = await fixture.CreateDbContextAsync();

        var refused = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));

        refused.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        refused.ConstraintName.ShouldBe(constraint);
    }

    [Fact]
    public async Task A_report_saved_without_an_entry_time_is_refused_rather_than_stored_at_minus_infinity()
    {
        await using var db = await fixture.CreateDbContextAsync();
        db.Reports.Add(new Report { Headline = "h", Text = "t", ContentHash = new string('0', 64), EnteredBy = "tester" });

        var refused = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        refused.InnerException.ShouldBeOfType<PostgresException>().ConstraintName.ShouldBe("ck_reports_entered_at_finite");
    }
}
