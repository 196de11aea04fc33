using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Import;
using PolicyTracker.IntegrationTests.Data;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Editing;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.IntegrationTests.Editing;

// The history panel on the real database: editors see who changed what; analysts see that an
// editor did, never an editor's e-mail address (neither as the author of a line nor inside a change).
[Collection(DatabaseTestGroup.Name)]
public sealed class HistoryPanelTests : BunitContext, IAsyncLifetime
{
    private const string Editor = "ana.editor@example.org";

    private readonly DatabaseFixture _fixture;
    private readonly BunitAuthorizationContext _auth;

    public HistoryPanelTests(DatabaseFixture fixture)
    {
        _fixture = fixture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(fixture.Clock);
        Services.AddSingleton<ICurrentUser>(fixture.User);
        Services.AddPolicyTrackerData(fixture.ConnectionString);
        Services.AddPolicyTrackerEditing();
        _auth = AddAuthorization();
        Services.AddScoped<Access>();
        Services.AddScoped<CircuitConnection>();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => _fixture.ResetAsync();

    Task IAsyncLifetime.DisposeAsync()
    {
        _fixture.User.Reset();
        return base.DisposeAsync().AsTask();
    }

    private async Task<Guid> EditedReportAsync()
    {
        var result = await _fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(Extractions.NationalSecurityCommission));
        result.Succeeded.ShouldBeTrue(result.Message);
        var id = result.ReportId!.Value;
        _fixture.User.Name = Editor;
        var draft = (await new ReviewLoader(_fixture.Factory, _fixture.Clock).LoadAsync(id))!;
        var meeting = draft.Meetings.Single();
        meeting.Participants[0].Accept();
        meeting.Participants[1].TitleAsWritten = "Vice Premier";
        meeting.Participants[1].MarkEdited();
        meeting.Participants[2].Removed = true;
        var saved = await new ReviewSaver(_fixture.Factory, _fixture.Clock, _fixture.User).SaveAsync(draft, publish: true);
        saved.Outcome.ShouldBe(SaveOutcome.Saved, saved.Message);
        return id;
    }

    private IRenderedComponent<HistoryPanel> Render(Guid reportId)
    {
        var panel = Render<HistoryPanel>(p => p.Add(x => x.ReportId, reportId));
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=history-line]").Count.ShouldBeGreaterThan(2), TimeSpan.FromSeconds(20));
        return panel;
    }

    [Fact]
    public async Task An_analyst_sees_that_an_editor_changed_things_but_never_the_editors_e_mail_address()
    {
        var id = await EditedReportAsync();
        _auth.SetAuthorized("analyst@example.org");
        _auth.SetRoles(Roles.Analyst);
        _auth.SetPolicies(Policies.CanBrowse);

        var panel = Render(id);

        panel.Markup.ShouldNotContain(Editor);
        panel.Markup.ShouldNotContain("ana.editor");
        panel.FindAll("td.history-who").Select(c => c.TextContent).ShouldContain("an editor");
        // What changed is still there, only the address is not.
        panel.Markup.ShouldContain("Vice Premier");
        panel.FindAll("[data-testid=restore]").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_editor_sees_who_made_each_change()
    {
        var id = await EditedReportAsync();
        _auth.SetAuthorized("other.editor@example.org");
        _auth.SetRoles(Roles.Editor);
        _auth.SetPolicies(Policies.CanBrowse, Policies.CanEdit);

        var panel = Render(id);

        panel.FindAll("td.history-who").Select(c => c.TextContent).ShouldContain(Editor);
        panel.Markup.ShouldContain("Vice Premier");
    }
}
