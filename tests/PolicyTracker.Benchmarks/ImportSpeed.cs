using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import.Jobs;
using PolicyTracker.TestSupport;

namespace PolicyTracker.Benchmarks;

/// <summary><c>--import-speed [--reports N] [--workers N] [--keep]</c>: issue 14's speed deliverable. On a throwaway
/// database of POLICYTRACKER_TEST_DB, loads N invented reports (10,000) twice in the same run: by binary COPY of the raw
/// texts into a bare table (the floor), and through the import queue as a JSON Lines job run by N workers (2), each
/// report extracted and stored with all its linked records in its own transaction. Prints both rates and the ratio;
/// exits 1 when the import is slower than 300 reports/s or more than 10 times the floor.</summary>
public static class ImportSpeed
{
    public const double TargetReportsPerSecond = 300;
    public const double TargetRatio = 10;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var count = int.TryParse(Option(args, "--reports"), out var n) && n > 0 ? n : 10_000;
        var workers = int.TryParse(Option(args, "--workers"), out var w) && w > 0 ? w : 2;
        var lines = InventedReports.JsonLines(count, seed: 14);
        var rawBytes = lines.Sum(l => (long)l.Text.Length);
        output.WriteLine(Line($"{count:N0} invented reports, {rawBytes / 1048576.0:0.0} MB of text, {workers} workers, {Environment.ProcessorCount} cores"));

        await using var database = await TestDatabase.CreateAsync("pt_import_speed");
        await database.MigrateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPolicyTrackerData(database.ConnectionString);
        services.AddSingleton(new ImportWorkerOptions { BatchSize = 8, IdleDelay = TimeSpan.FromMilliseconds(20) });
        await using var provider = services.BuildServiceProvider();

        // Warm-up on a separate job (JIT, connection pool, gazetteers), its reports deleted before timing.
        await RunImportAsync(provider, InventedReports.JsonLines(50, seed: 99), workers);
        await database.ResetAsync();

        var floor = await CopyFloorAsync(database, lines);
        output.WriteLine(Line($"floor: binary COPY of the raw texts into a bare table: {floor.TotalSeconds:F2} s, {count / floor.TotalSeconds:N0} reports/s"));

        // On a shared machine the rate mostly says how busy it was: the load average and this process's CPU time a
        // report (extraction, EF, Npgsql; the server's share is not in it) say what the import itself costs.
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (queued, total) = await RunImportAsync(provider, lines, workers);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var loadAfter = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var rate = count / total.TotalSeconds;
        var ratio = total / floor;
        await using var db = await provider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
        var stored = await db.Reports.CountAsync();
        var (meetings, participations, resolutions, actions) = (await db.Meetings.CountAsync(), await db.Participations.CountAsync(), await db.Resolutions.CountAsync(), await db.DocumentActions.CountAsync());
        var sources = await db.MeetingSources.CountAsync() + await db.ParticipationSources.CountAsync() + await db.ResolutionSources.CountAsync() + await db.DocumentActionSources.CountAsync();
        var (people, bodies) = (await db.People.CountAsync(), await db.Organizations.CountAsync());
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{meetings:N0} meetings, {participations:N0} participations, {resolutions:N0} resolutions, {actions:N0} document actions, {sources:N0} sources, {people:N0} people, {bodies:N0} bodies");
        output.WriteLine(Line($"import: {stored:N0} reports stored ({counts}) in {total.TotalSeconds:F1} s (queueing {queued.TotalSeconds:F2} s): {rate:N0} reports/s"));
        output.WriteLine(Line($"client CPU: {cpu.TotalMilliseconds / count:F1} ms a report; load average {load} at start, {loadAfter} at end"));
        var ok = stored == count && rate >= TargetReportsPerSecond && ratio <= TargetRatio;
        output.WriteLine(Line($"import / floor: {ratio:F1}x (target <= {TargetRatio}x); rate target >= {TargetReportsPerSecond} reports/s: {(ok ? "OK" : "OVER TARGET")}"));
        return ok ? 0 : 1;
    }

    private static async Task<TimeSpan> CopyFloorAsync(TestDatabase database, IReadOnlyList<InventedReports.Line> lines)
    {
        await using var connection = await database.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE raw_reports (id uuid PRIMARY KEY, text text NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY raw_reports (id, text) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var line in lines)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(line.Text, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        return watch.Elapsed;
    }

    // Queue the lines as one JSON Lines job (the bytes a file would hold) and work it to the end.
    private static async Task<(TimeSpan Queued, TimeSpan Total)> RunImportAsync(IServiceProvider provider, IReadOnlyList<InventedReports.Line> lines, int workers)
    {
        var watch = Stopwatch.StartNew();
        var items = lines.Select((l, i) =>
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new { headline = l.Headline, outlet = l.Outlet, published = l.Published, text = l.Text });
            return new ImportItemDraft($"line {i + 1}", bytes, bytes.Length);
        });
        Guid job;
        await using (var scope = provider.CreateAsyncScope())
        {
            job = await scope.ServiceProvider.GetRequiredService<ImportJobs>().CreateAsync(ImportSourceKind.JsonLines, "bench.jsonl", false, "bench", items);
        }

        var queued = watch.Elapsed;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ImportWorker>().RunJobAsync(job, CancellationToken.None);
        })));
        return (queued, watch.Elapsed);
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

/// <summary>Wire reports from invented templates: invented bodies, people, plans and documents, so every report names a
/// meeting with its body, date, chair, participants, resolutions and documents, and no two share a text.</summary>
public static class InventedReports
{
    public sealed record Line(string Headline, string Outlet, string Published, string Text);

    private static readonly string[] Regions = ["Northern Lakes", "Coastal Plains", "Upper Valley", "Eastern Marches", "Red Hills", "Saltwater Delta", "High Steppe", "Western Isles"];
    private static readonly string[] Kinds = ["Commission on", "Council for", "Committee on", "Board of"];
    private static readonly string[] Subjects = ["Canal Tolls", "Grain Reserves", "Harbour Dredging", "Rural Credit", "Forest Fires", "Rail Freight", "Water Pricing", "Seed Banks", "Bridge Safety", "Fisheries Quotas"];
    private static readonly string[] Given = ["Wen", "Lanxi", "Orsik", "Mael", "Tova", "Keran", "Ilsa", "Bram", "Odile", "Pavo", "Serin", "Dagny", "Halvor", "Imre", "Juno", "Calix"];
    private static readonly string[] Family = ["Marrow", "Quillan", "Dastrup", "Venhoek", "Ostrava", "Pellin", "Harrowgate", "Sundqvist", "Tamsel", "Brevik", "Lorne", "Achterberg"];
    private static readonly string[] Plans = ["a plan to widen the {0} locks", "measures to stabilise {0} prices", "a programme of {0} inspections", "rules on {0} licences", "a budget for {0} repairs", "guidelines on {0} reporting"];
    private static readonly string[] Documents = ["Regulations on {0} Management", "Five-Year Plan for {0}", "Provisional Measures on {0} Oversight", "Outline for {0} Reform"];
    private static readonly string[] Outlets = ["Invented Wire", "Meridian News Agency", "The Lowland Courier"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static IReadOnlyList<Line> JsonLines(int count, int seed)
    {
        var random = new Random(seed);
        var lines = new List<Line>(count);
        T Pick<T>(T[] from) => from[random.Next(from.Length)];
        string Person() => $"{Pick(Given)} {Pick(Family)}";
        for (var i = 0; i < count; i++)
        {
            var subject = Pick(Subjects);
            var body = $"{Pick(Regions)} {Pick(Kinds)} {subject}";
            var date = new DateOnly(2010, 1, 1).AddDays(random.Next(15 * 365));
            var chair = Person();
            var attendees = Enumerable.Range(0, 2 + random.Next(4)).Select(_ => Person()).Distinct().Where(p => p != chair).ToList();
            var speaker = Person();
            var plan = string.Format(CultureInfo.InvariantCulture, Pick(Plans), subject.ToLowerInvariant());
            var plan2 = string.Format(CultureInfo.InvariantCulture, Pick(Plans), Pick(Subjects).ToLowerInvariant());
            var document = string.Format(CultureInfo.InvariantCulture, Pick(Documents), subject);
            var outlet = Pick(Outlets);
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{body} adopts {document.ToLowerInvariant()}\n\n")
                .Append(CultureInfo.InvariantCulture, $"CAPITAL CITY, {Months[date.Month - 1]} {date.Day} ({outlet}) -- The {body} held its {Ordinal(1 + random.Next(40))} plenary session on {date.DayOfWeek}, ")
                .Append(CultureInfo.InvariantCulture, $"chaired by {chair}, chairperson of the commission. {string.Join(", ", attendees.SkipLast(1))}{(attendees.Count > 1 ? " and " : "")}{attendees[^1]} attended the meeting.\n\n")
                .Append(CultureInfo.InvariantCulture, $"The meeting adopted the {document} and approved {plan}. It also decided to review {plan2} at its next session, report number {i}.\n\n")
                .Append(CultureInfo.InvariantCulture, $"{speaker}, deputy head of the secretariat, briefed the session on the progress of earlier decisions. ")
                .Append(CultureInfo.InvariantCulture, $"Participants said the work on {subject.ToLowerInvariant()} in the {Pick(Regions)} region had met most of its targets for the year, ")
                .Append("and that the remaining tasks would be assigned to the relevant departments with clear deadlines and regular reporting.\n\n")
                .Append(CultureInfo.InvariantCulture, $"The session was told that {random.Next(3, 90)} percent of the funds allocated last year had been spent, and that audits would continue.")
                .ToString();
            lines.Add(new Line($"{body} adopts {document.ToLowerInvariant()}", outlet, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text));
        }

        return lines;
    }

    private static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
