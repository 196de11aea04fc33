using System.Diagnostics;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.TestSupport;
using PolicyTracker.Web.Features.Editing;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Hosting.Security;
using Xunit.Abstractions;

namespace PolicyTracker.IntegrationTests.Editing;

// A measurement, not a timed test: renders the review page of a 5,000-word report with 200
// extracted items against the real database and prints the times. Nothing fails on a slow run.
[Collection(DatabaseTestGroup.Name)]
[Trait("Category", "Measurement")]
public sealed class ReviewPagePerformance : BunitContext, IAsyncLifetime
{
    private readonly DatabaseFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ReviewPagePerformance(DatabaseFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(fixture.Clock);
        Services.AddSingleton<ICurrentUser>(fixture.User);
        Services.AddPolicyTrackerData(fixture.ConnectionString);
        Services.AddPolicyTrackerEditing();
        // The editor pages and their actions check CanEdit on the server.
        var auth = AddAuthorization();
        auth.SetAuthorized("editor@example.org");
        auth.SetRoles(Roles.Editor);
        auth.SetPolicies(Policies.CanEdit);
        Services.AddScoped<Access>();
        Services.AddScoped<CircuitConnection>();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => _fixture.ResetAsync();

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [CorpusFact]
    public async Task Review_page_of_a_5000_word_report_with_200_items_is_measured()
    {
        var (text, extraction) = LargeReport(words: 5000, items: 200);
        var imported = await _fixture.Importer(_ => extraction).ImportAsync(new ImportRequest(text));
        imported.Succeeded.ShouldBeTrue(imported.Message);
        _output.WriteLine($"extraction {extraction.Meetings.Sum(m => m.Participants.Count)} {extraction.Meetings.Sum(m => m.Resolutions.Count)} {extraction.Meetings.Sum(m => m.Documents.Count)}");
        _output.WriteLine($"imported {imported.Participations} participants, {imported.Resolutions} resolutions, {imported.DocumentActions} documents, {extraction.Meetings.Count} meetings");
        var id = imported.ReportId!.Value;
        Render<MudPopoverProvider>();

        var times = new List<double>();
        for (var run = 0; run < 12; run++)
        {
            var watch = Stopwatch.StartNew();
            var page = Render<ReviewPage>(p => p.Add(x => x.Id, id));
            page.WaitForAssertion(() => page.FindAll("tr[data-testid=review-item]").Count.ShouldBe(200), TimeSpan.FromSeconds(30));
            watch.Stop();
            times.Add(watch.Elapsed.TotalMilliseconds);
            page.FindAll("mark[data-k]").Count.ShouldBeGreaterThanOrEqualTo(150);
            await DisposeComponentsAsync();
            Render<MudPopoverProvider>();
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var report = $"review page, {words} words, 200 items\n"
            + Line("bUnit render incl. load and bUnit's DOM parse", times)
            + Line("ReviewLoader.LoadAsync alone", await TimeAsync(async () => (await new ReviewLoader(_fixture.Factory, _fixture.Clock).LoadAsync(id))!.Items.Count().ShouldBe(200)))
            + Line("HTTP GET prerender (Kestrel-less TestServer, full page HTML)", await PrerenderTimesAsync(id));
        _output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "review-page-perf.txt"), report);
    }

    private static string Line(string what, List<double> times)
    {
        var warm = times.Skip(2).Order().ToList();
        return $"  {what}: first {times[0]:0} ms, warm median {warm[warm.Count / 2]:0} ms, warm min {warm[0]:0} ms, warm max {warm[^1]:0} ms\n";
    }

    private static async Task<List<double>> TimeAsync(Func<Task> action)
    {
        var times = new List<double>();
        for (var run = 0; run < 12; run++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private async Task<List<double>> PrerenderTimesAsync(Guid id)
    {
        // Migrating creates the accounts schema and, in Development, the demo editor to sign in as.
        await using var factory = new AppFactory(_fixture.ConnectionString);
        using var client = factory.CreateClient();
        var signIn = await Security.SecurityFixture.PostSignInAsync(client, AccountStartup.DemoEmail(Roles.Editor), AccountStartup.DemoPassword);
        ((int)signIn.StatusCode).ShouldBeLessThan(400);
        return await TimeAsync(async () =>
        {
            var html = await client.GetStringAsync($"/reports/{id}/review");
            html.Split("data-testid=\"review-item\"").Length.ShouldBe(201);
        });
    }

    // Corpus reports one after another until the text is long enough, with their gold items at
    // their offsets; sentences the gold left out fill the list up to the item count.
    internal static (string Text, ReportExtraction Extraction) LargeReport(int words, int items)
    {
        var text = string.Empty;
        var meetings = new List<ExtractedMeeting>();
        foreach (var name in GoldExtraction.Names())
        {
            var part = GoldExtraction.Text(name);
            var offset = text.Length;
            text += part + "\n\n";
            meetings.AddRange(GoldExtraction.For(name, text, offset).Meetings);
            if (text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= words)
            {
                break;
            }
        }

        var count = meetings.Sum(m => m.Participants.Count + m.Resolutions.Count + m.Documents.Count);
        // Items are distinct facts: a second mention of a person in one meeting is the same participation.
        // (Two corpus reports of one body and date are one meeting.)
        var seen = new HashSet<(string?, DateOnly?, string)>();
        var result = meetings.Select(m => m with { Participants = [.. m.Participants.Where(p => seen.Add((m.Body, m.Date, p.Name)))] }).ToList();
        count = result.Sum(m => m.Participants.Count + m.Resolutions.Count + m.Documents.Count);

        // Still short: sentences and clauses the gold left out become resolutions of the meeting they belong to.
        for (var at = 0; count < items && at < text.Length;)
        {
            var end = text.IndexOfAny(['.', ',', ';'], at);
            if (end < 0)
            {
                break;
            }

            var span = new TextSpan(at, end - at);
            var index = result.FindLastIndex(m => m.Span.Start <= at);
            var covered = result.Any(m => m.Resolutions.Any(r => r.Span.Start < span.End && span.Start < r.Span.End));
            if (index >= 0 && span.Length > 20 && !covered)
            {
                var m = result[index];
                result[index] = m with { Resolutions = [.. m.Resolutions, new ExtractedResolution(text.Substring(at, span.Length).Trim(), "noted", "meeting", span, 0.3)] };
                count++;
            }

            at = end + 1;
        }

        // Trim from the end to exactly the requested number.
        var excess = result.Sum(m => m.Participants.Count + m.Resolutions.Count + m.Documents.Count) - items;
        for (var i = result.Count - 1; i >= 0 && excess > 0; i--)
        {
            var m = result[i];
            var drop = Math.Min(excess, m.Resolutions.Count);
            result[i] = m with { Resolutions = [.. m.Resolutions.Take(m.Resolutions.Count - drop)] };
            excess -= drop;
        }

        return (text, new ReportExtraction(new ReportHeader("Many meetings", null, "Test Wire", null, null, null), result, "perf"));
    }
}
