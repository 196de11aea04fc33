using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Entities;
using PolicyTracker.IntegrationTests.Security;
using PolicyTracker.TestSupport;

namespace PolicyTracker.IntegrationTests.Browse;

/// <summary>Record pages answer HTTP 404 with the not-found page for an id that names nothing, and 200 for one
/// that does; the detail routes are discovered from the app, so a new record page is covered without a change here.</summary>
[Collection(SecurityGroup.Name)]
public sealed class NotFoundPageTests(SecurityFixture app)
{
    private sealed record World(Guid Meeting, Guid Body, Guid Person, Guid Document, Guid Report, Guid DraftReport);

    private async Task<World> SeedAsync()
    {
        var seed = new MeetingSeed(app.ConnectionString);
        var body = await seed.BodyAsync($"Dock Board {seed.Tag}");
        var person = await seed.PersonAsync($"Ida Quay {seed.Tag}");
        var document = await seed.DocumentAsync($"Plan on quays {seed.Tag}");
        var meeting = await seed.MeetingAsync(body, new DateOnly(2024, 2, 6), [new(person, ParticipationRole.Chair)], ["repair the quays"],
            [(document, DocumentActionKind.Adopted)]);
        var draftMeeting = await seed.MeetingAsync(body, new DateOnly(2024, 3, 6), [new(person, ParticipationRole.Chair)], published: false);
        return new World(meeting, body, person, document, await ReportOfAsync(meeting), await ReportOfAsync(draftMeeting));
    }

    private async Task<Guid> ReportOfAsync(Guid meetingId) =>
        await app.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.Set<MeetingSource>().Where(s => s.MeetingId == meetingId).Select(s => s.SourceReportId).SingleAsync();
        });

    private static List<string> DetailTemplates() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Where(t => t.Contains(":guid}", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Order()
            .ToList();

    private static string WithId(string template, Guid id) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+:guid\}", id.ToString());

    private static async Task ShouldBeNotFoundAsync(HttpResponseMessage response, string path)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<h1>Not found</h1>", Case.Sensitive, path);
        html.ShouldNotContain("blazor-error-ui\" style=\"display: block", Case.Sensitive, path);
    }

    [Fact]
    public async Task Every_record_page_answers_404_for_an_unknown_id()
    {
        var templates = DetailTemplates();
        templates.ShouldBe(["/bodies/{Id:guid}", "/documents/{Id:guid}", "/meetings/{Id:guid}", "/people/{Id:guid}", "/reports/{Id:guid}",
            "/reports/{Id:guid}/review"], ignoreOrder: true);
        var admin = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Admin));

        foreach (var template in templates)
        {
            var path = WithId(template, Guid.CreateVersion7());
            await ShouldBeNotFoundAsync(await admin.GetAsync(path), path);
        }
    }

    [Fact]
    public async Task Every_record_page_answers_200_for_an_id_that_names_a_published_record()
    {
        var world = await SeedAsync();
        var admin = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Admin));

        foreach (var path in new[]
        {
            $"/meetings/{world.Meeting}", $"/bodies/{world.Body}", $"/people/{world.Person}", $"/documents/{world.Document}",
            $"/reports/{world.Report}", $"/reports/{world.Report}/review", $"/reports/{world.DraftReport}", $"/reports/{world.DraftReport}/review",
        })
        {
            var response = await admin.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("<h1>Not found</h1>", Case.Sensitive, path);
        }
    }

    [Fact]
    public async Task A_draft_report_is_not_found_for_an_analyst_and_found_for_an_editor()
    {
        var world = await SeedAsync();
        var analyst = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Analyst));
        var editor = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Editor));

        await ShouldBeNotFoundAsync(await analyst.GetAsync($"/reports/{world.DraftReport}"), "draft as analyst");
        (await editor.GetAsync($"/reports/{world.DraftReport}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.GetAsync($"/reports/{world.Report}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/meetings/not-a-guid")]
    [InlineData("/people/12345")]
    [InlineData("/no/such/page")]
    public async Task A_malformed_id_or_unknown_path_answers_404(string path)
    {
        var analyst = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Analyst));

        await ShouldBeNotFoundAsync(await analyst.GetAsync(path), path);
    }
}
