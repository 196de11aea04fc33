using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.IntegrationTests.Data;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Editing;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.IntegrationTests.Editing;

// The review page and its pieces together, rendered with bUnit against the real database: the
// editors open, apply and cancel, and the shared-meeting question is asked and answered.
[Collection(DatabaseTestGroup.Name)]
public sealed class ReviewPageTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly DatabaseFixture _fixture;

    public ReviewPageTests(DatabaseFixture fixture)
    {
        _fixture = fixture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(fixture.Clock);
        Services.AddSingleton<ICurrentUser>(fixture.User);
        Services.AddPolicyTrackerData(fixture.ConnectionString);
        Services.AddPolicyTrackerEditing();
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

    private async Task<Guid> ImportAsync(string text, Func<string, Extraction.ReportExtraction> extract)
    {
        var result = await _fixture.Importer(extract).ImportAsync(new ImportRequest(text));
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.ReportId!.Value;
    }

    private IRenderedComponent<ReviewPage> Open(Guid reportId, int items)
    {
        Render<MudPopoverProvider>();
        var page = Render<ReviewPage>(p => p.Add(x => x.Id, reportId));
        page.WaitForAssertion(() => page.FindAll("tr[data-testid=review-item]").Count.ShouldBe(items), Wait);
        return page;
    }

    // The page renders again when its suggestions arrive: an element found just before that has
    // lost its handlers, so the action is tried again on the element found afresh.
    private static async Task ActAsync(Func<AngleSharp.Dom.IElement> find, Func<AngleSharp.Dom.IElement, Task> act)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await act(find());
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 5)
            {
            }
        }
    }

    private static Task ClickAsync(Func<AngleSharp.Dom.IElement> find) => ActAsync(find, e => e.ClickAsync(new MouseEventArgs()));

    private static Task ChangeAsync(Func<AngleSharp.Dom.IElement> find, string value) => ActAsync(find, e => e.ChangeAsync(new ChangeEventArgs { Value = value }));

    [Fact]
    public async Task An_editor_corrects_a_title_cancels_an_added_participant_and_saves_only_the_correction()
    {
        const string text = Extractions.NationalSecurityCommission;
        var reportId = await ImportAsync(text, t => Extractions.Commission(t));
        var page = Open(reportId, items: 6);
        page.Find("[data-testid=verified-count]").TextContent.ShouldBe("0 of 6 items verified");

        await ClickAsync(() => page.FindAll("tr[data-kind=Person]")[2].QuerySelector("[data-testid=edit]")!);
        page.WaitForElement("[data-testid=item-editor]", Wait).TextContent.ShouldContain("source: “Cai Qi”");
        await ChangeAsync(() => page.Find("input[data-testid=edit-title]"), "Secretary");
        await ClickAsync(() => page.Find("[data-testid=apply]"));

        page.WaitForAssertion(() => page.FindAll("tr[data-kind=Person]")[2].TextContent.ShouldContain("Secretary"), Wait);
        page.FindAll("[data-testid=item-editor]").ShouldBeEmpty();
        page.Find("[data-testid=unsaved]").TextContent.ShouldBe("1 unsaved");
        page.Find("[data-testid=verified-count]").TextContent.ShouldBe("1 of 6 items verified");

        await ClickAsync(() => page.Find("[data-testid=add-person]"));
        page.WaitForElement("[data-testid=item-editor]", Wait);
        page.FindAll("tr[data-kind=Person]").Count.ShouldBe(3);
        await ClickAsync(() => page.FindAll("[data-testid=item-editor] button").Single(b => b.TextContent.Trim() == "Cancel"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=item-editor]").ShouldBeEmpty(), Wait);
        page.FindAll("tr[data-kind=Person]").Count.ShouldBe(3);
        page.Find("[data-testid=unsaved]").TextContent.ShouldBe("1 unsaved");

        await ClickAsync(() => page.Find("[data-testid=save-draft]"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=unsaved]").ShouldBeEmpty(), Wait);
        await using var db = await _fixture.CreateDbContextAsync();
        (await db.Participations.CountAsync()).ShouldBe(3);
        (await db.Participations.SingleAsync(p => p.Person.Name == "Cai Qi")).TitleAsWritten.ShouldBe("Secretary");
        (await db.ParticipationSources.SingleAsync(s => s.Fact.Person.Name == "Cai Qi")).Verdict.ShouldBe(Verdict.Edited);
    }

    [Fact]
    public async Task A_new_date_for_a_meeting_another_report_describes_is_asked_about_and_moving_only_this_report_leaves_the_other_alone()
    {
        const string text = Extractions.NationalSecurityCommission;
        var first = await ImportAsync(text, t => Extractions.Commission(t));
        var other = text.Replace("Test Wire", "Other Wire", StringComparison.Ordinal);
        var second = await ImportAsync(other, t => Extractions.Commission(t));
        var dialogs = Render<MudDialogProvider>();
        var page = Open(second, items: 6);
        page.Find("[data-testid=review-meeting]").TextContent.ShouldContain("+1 other report(s)");

        await ClickAsync(() => page.Find("button[aria-label='Edit meeting']"));
        page.WaitForElement("input[data-testid=edit-date]", Wait);
        await ChangeAsync(() => page.Find("input[data-testid=edit-date]"), "2023-05-31");
        var applying = ClickAsync(() => page.Find("[data-testid=apply-meeting]"));
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("1 other report(s) also describe this meeting"), Wait);
        await ClickAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("Move only this report", StringComparison.Ordinal)));
        await applying;

        page.WaitForAssertion(() => page.FindAll("[data-testid=meeting-editor]").ShouldBeEmpty(), Wait);
        page.Find("[data-testid=review-meeting]").TextContent.ShouldContain("2023-05-31");
        await ClickAsync(() => page.Find("[data-testid=save-draft]"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=unsaved]").ShouldBeEmpty(), Wait);

        await using var db = await _fixture.CreateDbContextAsync();
        var dates = await db.MeetingSources.Select(s => new { s.SourceReportId, s.Meeting.Date }).ToDictionaryAsync(s => s.SourceReportId, s => s.Date);
        dates[first].ShouldBe(Extractions.CommissionDate);
        dates[second].ShouldBe(new DateOnly(2023, 5, 31));
    }
}
