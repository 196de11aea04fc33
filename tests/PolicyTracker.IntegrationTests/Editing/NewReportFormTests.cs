using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.IntegrationTests.Data;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Editing;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.IntegrationTests.Editing;

[Collection(DatabaseTestGroup.Name)]
public sealed class NewReportFormTests : BunitContext, IAsyncLifetime
{
    private readonly DatabaseFixture _fixture;
    private readonly BunitJSModuleInterop _module;

    // What the browser's text box holds; the page reads it as a stream through its script.
    private string _box = "";

    public NewReportFormTests(DatabaseFixture fixture)
    {
        _fixture = fixture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(fixture.Clock);
        Services.AddSingleton<ICurrentUser>(fixture.User);
        Services.AddPolicyTrackerData(fixture.ConnectionString);
        // The editor pages and their actions check CanEdit on the server.
        var auth = AddAuthorization();
        auth.SetAuthorized("editor@example.org");
        auth.SetRoles(Roles.Editor);
        auth.SetPolicies(Policies.CanEdit);
        Services.AddScoped<Access>();
        _module = JSInterop.SetupModule("./Features/Editing/NewReportPage.razor.js");
        SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => _fixture.ResetAsync();

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private IRenderedComponent<NewReportPage> RenderForm()
    {
        Render<MudPopoverProvider>();
        return Render<NewReportPage>();
    }

    // The header fields update as they are typed (their counters and length messages). The date is given to the
    // page as its picker gives it (typing into the picker itself is a browser test, Layout/DateFieldTests).
    private static void Fill(IRenderedComponent<NewReportPage> form, string testId, string value)
    {
        if (testId is "published")
        {
            var picker = form.FindComponents<IsoDateField>().Single(f => f.Instance.TestId == testId);
            var date = DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            form.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(date)).GetAwaiter().GetResult();
            return;
        }
        var field = form.Find($"input[data-testid={testId}], textarea[data-testid={testId}]");
        if (testId is "headline" or "outlet" or "source-url")
        {
            field.Input(value);
        }
        else
        {
            field.Change(value);
        }
    }

    // As a paste does: the box changes in the browser, the script tells the page.
    private async Task PasteAsync(IRenderedComponent<NewReportPage> form, string text)
    {
        _box = text;
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        _module.Setup<int>("beginRead", _ => ReferenceEquals(_box, text)).SetResult(bytes.Length);
        for (var offset = 0; offset < bytes.Length; offset += 18 * 1024)
        {
            var at = offset;
            var chunk = Convert.ToBase64String(bytes, at, Math.Min(18 * 1024, bytes.Length - at));
            _module.Setup<string>("readChunk", i => ReferenceEquals(_box, text) && i.Arguments[1] is int o && o == at).SetResult(chunk);
        }

        await form.InvokeAsync(form.Instance.TextEditedAsync);
    }

    private static void Submit(IRenderedComponent<NewReportPage> form) =>
        form.Find("button[data-testid=create-report]").Click();

    [Fact]
    public void Saving_an_empty_form_says_the_text_is_empty_and_saves_nothing()
    {
        var form = RenderForm();

        Submit(form);

        form.Find("[data-testid=form-problem]").TextContent.ShouldContain("Nothing was saved");
        form.Find(".mud-input-helper-text.mud-input-error").TextContent.ShouldContain("the text is empty");
    }

    [Fact]
    public async Task A_future_date_and_an_invalid_url_are_marked_on_their_fields()
    {
        var form = RenderForm();
        await PasteAsync(form, Extractions.NationalSecurityCommission);
        Fill(form, "published", "2026-02-01");
        Fill(form, "source-url", "example.org/report");

        Submit(form);

        var messages = form.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent).ToList();
        messages.ShouldContain(m => m.Contains("2026-02-01 is in the future"));
        messages.ShouldContain(m => m.Contains("full http:// or https:// address"));
    }

    [Fact]
    public async Task Pasted_text_fills_headline_outlet_and_date()
    {
        var form = RenderForm();

        await PasteAsync(form, Extractions.NationalSecurityCommission);

        form.Find("input[data-testid=headline]").GetAttribute("value").ShouldBe("Xi Jinping chairs meeting of the national security commission");
        form.Find("input[data-testid=outlet]").GetAttribute("value").ShouldBe("Test Wire");
        form.Find("input[data-testid=published]").GetAttribute("value").ShouldBe("2023-05-31");
    }

    [Fact]
    public async Task The_same_text_again_is_refused_with_a_link_to_the_stored_report()
    {
        var stored = await _fixture.Importer().ImportAsync(new(Extractions.NationalSecurityCommission));
        var form = RenderForm();
        await PasteAsync(form, Extractions.NationalSecurityCommission);

        Submit(form);

        form.WaitForAssertion(() => form.Find("[data-testid=form-problem]").TextContent.ShouldContain("already stored"));
        form.Find("[data-testid=existing-report]").GetAttribute("href").ShouldBe($"/reports/{stored.ReportId}");
        await using var db = await _fixture.CreateDbContextAsync();
        db.Reports.Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_valid_report_is_stored_as_a_draft_and_opens_for_review()
    {
        var form = RenderForm();
        await PasteAsync(form, Extractions.NationalSecurityCommission);

        Submit(form);

        var navigation = Services.GetRequiredService<NavigationManager>();
        for (var i = 0; i < 100 && !navigation.Uri.EndsWith("/review", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        form.FindAll("[data-testid=form-problem]").ShouldBeEmpty();
        await using var db = await _fixture.CreateDbContextAsync();
        var report = db.Reports.Single();
        report.Status.ShouldBe(PolicyTracker.Data.Entities.ReportStatus.Draft);
        navigation.Uri.ShouldEndWith($"/reports/{report.Id}/review");
    }

    [Fact]
    public void An_uploaded_html_page_becomes_article_text_with_its_title_and_address()
    {
        var form = RenderForm();
        const string html = """
            <html><head><title>Cabinet adopts data plan</title><link rel="canonical" href="https://example.org/cabinet-data-plan" /></head>
            <body><nav>Home | World | Sport</nav><article><h1>Cabinet adopts data plan</h1>
            <p>CANBERRA, May 30 (Test Wire) -- The cabinet met on Tuesday and adopted a plan on data security, the prime minister said after the meeting ended.</p>
            <p>Ministers called for stronger early-warning systems and agreed to review the plan again in a year, according to a statement released in the evening.</p>
            </article></body></html>
            """;

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(html, "report.html"));

        form.WaitForAssertion(() => form.Find("input[data-testid=headline]").GetAttribute("value").ShouldBe("Cabinet adopts data plan"));
        var shown = _module.Invocations["setText"][^1].Arguments[1].ShouldBeOfType<string>();
        shown.ShouldContain("adopted a plan on data security");
        shown.ShouldNotContain("<p>");
        form.Find("input[data-testid=source-url]").GetAttribute("value").ShouldBe("https://example.org/cabinet-data-plan");
    }

    [Fact]
    public void An_uploaded_file_that_is_not_utf8_is_refused_with_a_message()
    {
        var form = RenderForm();

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0x48, 0xE9, 0x6C, 0x6C, 0x6F], "latin1.txt"));

        form.WaitForAssertion(() => form.Find("[data-testid=form-problem]").TextContent.ShouldContain("not valid UTF-8"));
    }

    [Fact]
    public async Task A_100_KB_paste_is_read_whole_and_saved_intact()
    {
        var text = Extractions.NationalSecurityCommission + "\n" + string.Concat(Enumerable.Range(0, 3200).Select(i => $"Paragraph {i:D4} 国家安全 text.\n"));
        System.Text.Encoding.UTF8.GetByteCount(text).ShouldBeGreaterThan(100 * 1024);
        var form = RenderForm();
        await PasteAsync(form, text);

        Submit(form);

        var navigation = Services.GetRequiredService<NavigationManager>();
        for (var i = 0; i < 100 && !navigation.Uri.EndsWith("/review", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        await using var db = await _fixture.CreateDbContextAsync();
        db.Reports.Single().Text.ShouldBe(text);
        _module.Invocations["clearDraft"].Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_save_keeps_the_draft_in_the_browser()
    {
        await _fixture.Importer().ImportAsync(new(Extractions.NationalSecurityCommission));
        var form = RenderForm();
        await PasteAsync(form, Extractions.NationalSecurityCommission);

        Submit(form);

        form.WaitForAssertion(() => form.Find("[data-testid=form-problem]").TextContent.ShouldContain("already stored"));
        _module.Invocations["clearDraft"].ShouldBeEmpty();
    }

    [Fact]
    public void An_uploaded_utf16_file_is_decoded_by_its_byte_order_mark()
    {
        var form = RenderForm();
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(Extractions.NationalSecurityCommission)).ToArray();

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, "notepad.txt"));

        form.WaitForAssertion(() => form.Find("input[data-testid=headline]").GetAttribute("value").ShouldBe("Xi Jinping chairs meeting of the national security commission"));
        _module.Invocations["setText"][^1].Arguments[1].ShouldBe(Extractions.NationalSecurityCommission);
    }

    [Fact]
    public void A_utf16_file_without_a_byte_order_mark_is_refused_with_what_to_do()
    {
        var form = RenderForm();

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(System.Text.Encoding.Unicode.GetBytes("Cabinet meets on Tuesday"), "bare.txt"));

        form.WaitForAssertion(() => form.Find("[data-testid=form-problem]").TextContent.ShouldContain("Save it as UTF-8"));
    }

    [Fact]
    public async Task A_publication_date_before_1900_is_refused()
    {
        var form = RenderForm();
        await PasteAsync(form, Extractions.NationalSecurityCommission);
        Fill(form, "published", "0001-01-01");

        Submit(form);

        // The refusal renders after the submit's handler returns: waited for, not read at once (it failed under load).
        form.WaitForAssertion(() => form.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent).ShouldContain(m => m.Contains("before 1900-01-01")));
        await using var db = await _fixture.CreateDbContextAsync();
        db.Reports.Count().ShouldBe(0);
    }
}
