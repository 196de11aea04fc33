using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PolicyTracker.Web.Hosting;

/// <summary>Tells a circuit's components when its browser connection comes back. A call to the
/// browser that was in flight when the socket dropped is never answered, even on the same circuit,
/// so a page that keeps something in the browser sends it again.</summary>
public sealed class CircuitConnection
{
    private readonly List<Action> _listeners = [];

    public IDisposable OnRestored(Action listener)
    {
        lock (_listeners)
        {
            _listeners.Add(listener);
        }
        return new Subscription(this, listener);
    }

    internal void RaiseRestored()
    {
        Action[] listeners;
        lock (_listeners)
        {
            listeners = [.. _listeners];
        }
        foreach (var listener in listeners)
        {
            listener();
        }
    }

    private sealed class Subscription(CircuitConnection owner, Action listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._listeners)
            {
                owner._listeners.Remove(listener);
            }
        }
    }
}

internal sealed class CircuitConnectionHandler(CircuitConnection connection) : CircuitHandler
{
    // Also called for the first connection, when nobody listens yet.
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        connection.RaiseRestored();
        return Task.CompletedTask;
    }
}
