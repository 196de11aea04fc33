using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.IntegrationTests.Security;

namespace PolicyTracker.IntegrationTests.Exports;

// The weekly brief of 2024-02-19 to 2024-02-25 as Word and Markdown, read back. That week holds M3 alone (body B, first
// seen then; Cai Three chair, already seen in January; Dee Four, new), told by R4: its two resolutions, D2 adopted,
// D3 reviewed.
public sealed class WeeklyBriefTests(RecordExportFixture app) : IClassFixture<RecordExportFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => app.SeedOnceAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string Tag => " " + app.Tag;

    private async Task<HttpResponseMessage> GetAsync(string path, string role = Roles.Manager)
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(role));
        return await client.GetAsync(path);
    }

    private async Task<Guid> ReportOfM3Async()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
        return await db.MeetingSources.Where(s => s.MeetingId == app.Archive.M3).Select(s => s.SourceReportId).SingleAsync();
    }

    [Fact]
    public async Task The_word_brief_lists_the_weeks_meeting_its_decisions_adoptions_and_new_names_with_links_to_the_sentences()
    {
        var response = await GetAsync("/api/export/weekly-brief.docx?at=2024-02-21");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("weekly-brief-2024-02-19.docx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText.Replace(Tag, "", StringComparison.Ordinal))).ToList();

        paragraphs.Where(p => p.Style is "Heading1" or "Heading2" or "Heading3").Select(p => p.Text).ShouldBe(
        [
            "Weekly brief: 2024-02-19 (Mon) to 2024-02-25 (Sun)",
            "Meetings",
            "2024-02-20 (Tue): Beta Commission",
            "Documents adopted",
            "New people",
            "New bodies",
        ]);
        var texts = paragraphs.Select(p => p.Text).ToList();
        texts.ShouldContain("1 meeting, 1 document adopted, 1 new person, 1 new body.");
        texts.ShouldContain("meeting of 2024-02-20. Chaired by Cai Three. Reported in: Test Wire: R4 Beta Commission.");
        texts.ShouldContain("• Called for strengthen the protection of rivers (source)");
        texts.ShouldContain("• Called for " + RecordExportFixture.FormulaText + " (source)");
        texts.ShouldContain("• Adopted: Plan on Roads (source)");
        texts.ShouldContain("• Reviewed: Plan on Rails (source)");
        texts.ShouldContain("• Plan on Roads, by Beta Commission on 2024-02-20 (Tue) (source)");
        texts.ShouldContain("• Dee Four (1 meeting)");
        texts.ShouldContain("• Beta Commission (1 meeting)");
        texts.ShouldNotContain(t => t.Contains("Cai Three (", StringComparison.Ordinal));

        // Every "source" is a link to the report with the sentence's span; names link to their pages; all absolute.
        var links = body.Descendants<Hyperlink>()
            .Select(h => (Text: h.InnerText.Replace(Tag, "", StringComparison.Ordinal), Uri: doc.MainDocumentPart.HyperlinkRelationships.Single(r => r.Id == h.Id).Uri))
            .ToList();
        links.ShouldAllBe(l => l.Uri.IsAbsoluteUri);
        var report = await ReportOfM3Async();
        links.Where(l => l.Text == "source").Select(l => l.Uri.PathAndQuery).Distinct().ShouldBe([$"/reports/{report}?span=0-4"]);
        links.Count(l => l.Text == "source").ShouldBe(5);
        links.ShouldContain(l => l.Text == "Test Wire: R4 Beta Commission" && l.Uri.PathAndQuery == $"/reports/{report}?span=0-4");
        links.ShouldContain(l => l.Text == "Beta Commission" && l.Uri.AbsolutePath == $"/meetings/{app.Archive.M3}");
        links.ShouldContain(l => l.Text == "Plan on Roads" && l.Uri.AbsolutePath == $"/documents/{app.Archive.D2}");
        links.ShouldContain(l => l.Text == "Dee Four" && l.Uri.AbsolutePath == $"/people/{app.Archive.P4}");
        links.ShouldContain(l => l.Text == "Beta Commission" && l.Uri.AbsolutePath == $"/bodies/{app.Archive.BodyB}");
    }

    [Fact]
    public async Task The_markdown_brief_has_the_same_content_with_escaped_report_text()
    {
        var response = await GetAsync("/api/export/weekly-brief.md?at=2024-02-25");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/markdown; charset=utf-8");
        var md = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Replace(Tag, "", StringComparison.Ordinal);
        var report = await ReportOfM3Async();
        md.ShouldStartWith("# Weekly brief: 2024-02-19 (Mon) to 2024-02-25 (Sun)\n");
        md.ShouldContain($"### 2024-02-20 (Tue): [Beta Commission](http://localhost/meetings/{app.Archive.M3})");
        md.ShouldContain($"- Called for strengthen the protection of rivers ([source](http://localhost/reports/{report}?span=0-4 ");
        md.ShouldContain($"- Adopted: [Plan on Roads](http://localhost/documents/{app.Archive.D2})");
        md.ShouldContain($"## New people\n\n- [Dee Four](http://localhost/people/{app.Archive.P4}) (1 meeting)\n");
        md.ShouldContain("Reported in: [Test Wire: R4 Beta Commission](");
        // The formula-like text stays as written; its quotes and parentheses are not Markdown.
        md.ShouldContain("- Called for =HYPERLINK(\"http://example.org\") is how it was written (");
    }

    [Fact]
    public async Task A_week_with_nothing_published_says_so_and_the_brief_is_for_managers_only()
    {
        var md = await (await GetAsync("/api/export/weekly-brief.md?at=2024-03-27")).Content.ReadAsStringAsync();
        md.ShouldContain("0 meetings, 0 documents adopted, 0 new people, 0 new bodies.");
        md.ShouldContain("No published meeting this week.");
        md.ShouldNotContain("Gamma Board"); // M5 of 2024-03-30 is only in a draft

        (await GetAsync("/api/export/weekly-brief.docx?at=2024-02-21", Roles.Analyst)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync("/api/export/weekly-brief.docx?at=2024-02-31")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
