using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.BrowserTests.Browse;

// The demo data's State Council meeting of 2024-01-05 is described by two reports.
[Collection(AppCollection.Name)]
public sealed class TwoSourceMeetingTests(AppFixture app)
{
    [Fact]
    public async Task The_two_source_demo_meeting_shows_each_person_once_with_both_source_sentences_a_click_away()
    {
        var (meetingId, people) = await SharedMeetingAsync();
        var page = await app.OpenAsync($"/meetings/{meetingId}", Roles.Analyst);

        var participants = page.GetByTestId("participants");
        await Assertions.Expect(participants.Locator("tbody tr")).ToHaveCountAsync(people);
        await Assertions.Expect(participants.Locator("tbody tr").First).ToContainTextAsync("Li Qiang");
        await Assertions.Expect(participants.Locator("tbody tr").First).ToContainTextAsync("2 reports");
        await Assertions.Expect(participants.Locator("tbody tr").First.Locator("a[href*='?span=']")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByText("2 report(s)")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "meeting-two-sources");

        var hrefs = await participants.Locator("tbody tr").First.Locator("a[href*='?span=']")
            .EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        hrefs.Select(h => h[..h.IndexOf('?', StringComparison.Ordinal)]).Distinct().Count().ShouldBe(2);

        await participants.Locator("tbody tr").First.Locator("a[href*='?span=']").Last.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reports/[0-9a-f-]+\\?span=\\d+-\\d+"));
        await Assertions.Expect(page.GetByTestId("span-target")).ToContainTextAsync("Li");
    }

    [Fact]
    public async Task Lists_and_the_person_page_count_the_shared_meeting_once()
    {
        var (meetingId, people) = await SharedMeetingAsync();
        var page = await app.OpenAsync("/meetings?q=State%20Council", Roles.Analyst);
        var row = page.Locator($"tr:has(a[href='/meetings/{meetingId}'])");
        await Assertions.Expect(row).ToContainTextAsync(people.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var person = await app.OpenAsync("/people?q=Li%20Qiang", Roles.Analyst);
        await person.GetByRole(AriaRole.Link, new() { Name = "Li Qiang", Exact = true }).First.ClickAsync();
        var timeline = person.GetByTestId("person-timeline").Locator(".mud-timeline-item");
        await Assertions.Expect(timeline.First).ToBeVisibleAsync();
        var lines = await timeline.CountAsync();
        var meetings = await CountAsync("""
            SELECT count(*) FROM participations p JOIN people x ON x.id = p.person_id
            WHERE x.name = 'Li Qiang' AND p.published AND p.deleted_at IS NULL
            """);
        lines.ShouldBe(meetings);
        await Assertions.Expect(person.Locator("body")).ToContainTextAsync($"{meetings} meeting");
    }

    private async Task<(Guid MeetingId, int People)> SharedMeetingAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT m.id, (SELECT count(*) FROM participations p WHERE p.meeting_id = m.id AND p.published AND p.deleted_at IS NULL)
            FROM meetings m JOIN organizations o ON o.id = m.organization_id
            WHERE o.name = 'State Council' AND m.date = DATE '2024-01-05' AND m.deleted_at IS NULL
              AND (SELECT count(*) FROM meeting_sources s WHERE s.meeting_id = m.id AND s.deleted_at IS NULL) = 2
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("the demo data holds a State Council meeting of 2024-01-05 with two reports");
        return (reader.GetGuid(0), (int)reader.GetInt64(1));
    }

    private async Task<int> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
