using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.IntegrationTests.Shared;

// The date field under a parent whose value lags: a filter held in the URL changes only when the navigation
// comes back, and the parent re-renders in between with the old date. No database.
public sealed class IsoDateFieldTests : BunitContext, IAsyncLifetime
{
    private readonly List<DateOnly?> _reported = [];

    public IsoDateFieldTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private IRenderedComponent<IsoDateField> RenderField(DateOnly? value)
    {
        Render<MudPopoverProvider>();
        return Render<IsoDateField>(p => p
            .Add(f => f.Label, "To")
            .Add(f => f.TestId, "to")
            .Add(f => f.Value, value)
            .Add(f => f.ValueChanged, d => _reported.Add(d)));
    }

    private static string Shown(IRenderedComponent<IsoDateField> field) =>
        field.Find("input[data-testid=to]").GetAttribute("value") ?? "";

    [Fact]
    public void A_typed_date_survives_the_parent_re_rendering_with_its_old_value_and_is_reported_once()
    {
        var field = RenderField(null);

        field.Find("input[data-testid=to]").Change("2026-03-04");
        // The parent has not seen the new address yet: it renders the field again with no date.
        field.Render(p => p.Add(f => f.Value, (DateOnly?)null));
        field.Render(p => p.Add(f => f.Value, (DateOnly?)null));

        Shown(field).ShouldBe("2026-03-04");
        _reported.ShouldBe([new DateOnly(2026, 3, 4)]);

        // The navigation comes back with the date: nothing more is reported.
        field.Render(p => p.Add(f => f.Value, new DateOnly(2026, 3, 4)));
        Shown(field).ShouldBe("2026-03-04");
        _reported.ShouldBe([new DateOnly(2026, 3, 4)]);
    }

    [Fact]
    public void A_date_the_parent_gives_is_shown_and_not_reported_back_as_a_change()
    {
        var field = RenderField(null);

        field.Render(p => p.Add(f => f.Value, new DateOnly(2026, 1, 2)));
        Shown(field).ShouldBe("2026-01-02");

        // Another filter is removed elsewhere on the page: the date goes with the address.
        field.Render(p => p.Add(f => f.Value, (DateOnly?)null));
        Shown(field).ShouldBe("");
        _reported.ShouldBeEmpty();
    }

    [Fact]
    public void Clearing_a_typed_date_reports_no_date()
    {
        var field = RenderField(new DateOnly(2026, 1, 2));

        field.Find("input[data-testid=to]").Change("");

        _reported.ShouldBe([(DateOnly?)null]);
        Shown(field).ShouldBe("");
    }
}
