using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Browse;

[Collection(AppCollection.Name)]
public sealed class NetworkAndBodyTests(AppFixture app)
{
    [Fact]
    public async Task From_a_meeting_a_participant_leads_to_their_network_and_a_co_attendee_node_to_that_persons_page()
    {
        var meetingId = await DemoMeetingAsync();
        var page = await app.OpenAsync($"/meetings/{meetingId}", Roles.Analyst);

        var participant = page.GetByTestId("participants").Locator("tbody tr a[href^='/people/']").First;
        var personName = (await participant.TextContentAsync())!.Trim();
        await participant.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(personName);

        var network = page.GetByTestId("person-network");
        await network.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(network.Locator("svg")).ToBeVisibleAsync();
        await Assertions.Expect(network.GetByTestId("network-center")).ToContainTextAsync(personName[..Math.Min(personName.Length, 20)]);
        var coAttendee = network.GetByTestId("network-person").First;
        var coAttendeeId = await coAttendee.GetAttributeAsync("data-person-id");
        // The node's tooltip is "Name: N meeting(s) together".
        var tooltip = (await coAttendee.Locator("title").TextContentAsync())!;
        var coAttendeeName = tooltip[..tooltip.LastIndexOf(':')];
        coAttendeeName.ShouldNotBe(personName);
        await AppFixture.ScreenshotAsync(page, "network-before-click");

        await coAttendee.Locator("circle").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/people/{coAttendeeId}#network$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(coAttendeeName);
        await AppFixture.WaitInteractiveAsync(page);
        // Their own network, with the person we came from among their co-attendees.
        await Assertions.Expect(page.GetByTestId("network-center")).ToContainTextAsync(coAttendeeName[..Math.Min(coAttendeeName.Length, 20)]);
        await Assertions.Expect(page.GetByTestId("network-person").Locator("title").Filter(new() { HasText = personName + ":" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await AppFixture.ScreenshotAsync(page, "network-co-attendee");
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_page_lists_its_sub_bodies_its_parent_and_the_documents_it_acted_on()
    {
        var data = await BrowseData.SeedAsync(app.ConnectionString);
        var page = await app.OpenAsync($"/bodies/{data.ParentBodyId}", Roles.Analyst);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Parent Council {data.Tag}");
        await Assertions.Expect(page.GetByText("No parent body recorded.")).ToBeVisibleAsync();
        var children = page.GetByTestId("children");
        await Assertions.Expect(children.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(children.Locator("tbody tr")).ToContainTextAsync("2 meeting(s)");
        // The parent itself met never: its documents are its own, not its children's.
        await Assertions.Expect(page.GetByText("No meeting of this body has acted on a document yet.")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "body-parent");

        await children.GetByRole(AriaRole.Link, new() { Name = data.BodyName }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(data.BodyName);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Parent Council {data.Tag}" })).ToHaveAttributeAsync("href", $"/bodies/{data.ParentBodyId}");
        await Assertions.Expect(page.GetByText("None recorded.")).ToBeVisibleAsync();

        // One document, reviewed then adopted: one row, its latest action and date, two actions. The draft's
        // "issued" is not published and is not counted.
        var documents = page.GetByTestId("body-documents");
        await Assertions.Expect(documents.Locator("tbody tr")).ToHaveCountAsync(1);
        var row = documents.Locator("tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync(data.DocumentTitle);
        await Assertions.Expect(row).ToContainTextAsync("adopted", new() { IgnoreCase = true });
        await Assertions.Expect(row).ToContainTextAsync("2024-04-08");
        await Assertions.Expect(row.Locator("td.num")).ToHaveTextAsync("2");
        await AppFixture.ScreenshotAsync(page, "body-child");

        await row.GetByRole(AriaRole.Link, new() { Name = data.DocumentTitle }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/documents/{data.DocumentId}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(data.DocumentTitle);
        (await app.ProblemsAsync(page)).ShouldBeEmpty();
    }

    private async Task<Guid> DemoMeetingAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        // The demo State Council meeting of 2024-01-05: several participants, so each has co-attendees.
        await using var command = new NpgsqlCommand("""
            SELECT m.id FROM meetings m JOIN organizations o ON o.id = m.organization_id
            WHERE o.name = 'State Council' AND m.date = DATE '2024-01-05' AND m.deleted_at IS NULL LIMIT 1
            """, connection);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
