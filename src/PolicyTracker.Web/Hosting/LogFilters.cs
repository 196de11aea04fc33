using Serilog.Events;

namespace PolicyTracker.Web.Hosting;

/// <summary>Errors that are not errors, kept out of the log so that an ERR line always means something.</summary>
public static class LogFilters
{
    /// <summary>On a new database EF reads the migrations history table before creating it; the failed
    /// SELECT is expected and EF goes on to create the table. A real failure of the migration still throws.</summary>
    public static bool IsMigrationHistoryProbe(LogEvent e) =>
        e.Level == LogEventLevel.Error
        && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString() == "\"Microsoft.EntityFrameworkCore.Database.Command\""
        && e.Properties.TryGetValue("commandText", out var text) && text.ToString().Contains("__EFMigrationsHistory", StringComparison.Ordinal)
        && text.ToString().TrimStart('"').StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    /// <summary>Blazor confirms an in-app navigation (after "Save and review", say) through the browser; when
    /// the page is closed before that answer comes, the circuit's disposal fails the confirmation, and Blazor
    /// logs "Navigation failed" and then "Unhandled exception in circuit" although the page had long been
    /// shown. Only a JSDisconnectedException (the browser is gone) from those two is left out; any other
    /// navigation or circuit failure is still an error.</summary>
    public static bool IsNavigationEndedWithCircuit(LogEvent e) =>
        e.Level == LogEventLevel.Error
        && e.Exception is Microsoft.JSInterop.JSDisconnectedException
        && e.Properties.TryGetValue("SourceContext", out var source)
        && (source.ToString().Contains("NavigationManager", StringComparison.Ordinal)
            || source.ToString() == "\"Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost\"");

    /// <summary>A page closed (tab shut, link followed, sign-in's landing page left at once) while its own
    /// work was still running: the circuit's services and the browser are gone, the work's next step fails,
    /// and Blazor's renderer, already being disposed, logs it as a warning. Nobody did anything wrong and
    /// nothing is lost (a save already started completes first). Only these exceptions, and only from a
    /// renderer that is being disposed, are left out.</summary>
    public static bool IsWorkCutShortByClosedPage(LogEvent e) =>
        e.Level == LogEventLevel.Warning
        && e.Exception is ObjectDisposedException or Microsoft.JSInterop.JSDisconnectedException or OperationCanceledException
        && e.Properties.TryGetValue("SourceContext", out var source)
        && (source.ToString().Contains("Microsoft.AspNetCore.Components.Server.Circuits.RemoteRenderer", StringComparison.Ordinal)
            // The same cut-short work caught by an error boundary: only the circuit's own services being gone, nothing else.
            || (e.Exception is ObjectDisposedException { ObjectName: "IServiceProvider" }
                && source.ToString().Contains("Microsoft.AspNetCore.Components.Web.ErrorBoundary", StringComparison.Ordinal)));
}
