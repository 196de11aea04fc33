using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Support;

/// <summary>Routes the circuit's websocket through the test so it can be cut for certain: the
/// page-side socket closes at once, whatever the browser's network emulation does with frames
/// in flight. (A real socket closed while the browser is offline may wait for a close frame that
/// never comes: the likely reason the reconnect dialog sometimes never opened when the tests
/// closed window.WebSocket objects themselves.)</summary>
internal sealed class CircuitSocket
{
    // Blazor's own reconnection states (show, hide, retrying, failed, rejected) as the page's
    // reconnect dialog receives them, so the test waits on the circuit's state, not on a time.
    public const string TrackReconnectStates = """
        document.addEventListener('DOMContentLoaded', () => {
          window.__reconnectStates = [];
          document.getElementById('components-reconnect-modal')?.addEventListener('components-reconnect-state-changed',
            e => window.__reconnectStates.push(e.detail.state));
        });
        """;

    private readonly Lock _lock = new();
    private IWebSocketRoute? _current;

    public int Opened { get; private set; }

    public Task RouteAsync(IPage page) => page.RouteWebSocketAsync(
        url => url.Contains("/_blazor", StringComparison.Ordinal),
        route =>
        {
            route.ConnectToServer();
            lock (_lock)
            {
                _current = route;
                Opened++;
            }
        });

    public async Task CutAsync()
    {
        IWebSocketRoute current;
        lock (_lock)
        {
            current = _current ?? throw new InvalidOperationException("The circuit has no websocket yet.");
            _current = null;
        }
        await current.CloseAsync(new() { Code = 4000, Reason = "test cuts the connection" });
    }
}
