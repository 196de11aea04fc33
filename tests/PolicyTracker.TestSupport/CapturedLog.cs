using Serilog.Core;
using Serilog.Events;

namespace PolicyTracker.TestSupport;

/// <summary>A Serilog sink that keeps every event, for tests that read what the app logged; give it to
/// <see cref="AppOptions.Log"/> (the app's Serilog reads its sinks from the services).</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }

    /// <summary>Each event at or above <paramref name="level"/> as one line: level, source, message, exception type.</summary>
    public IReadOnlyList<string> Lines(LogEventLevel level) =>
        [.. Events.Where(e => e.Level >= level)
            .Select(e => $"{e.Level} {e.Properties.GetValueOrDefault("SourceContext")}: {e.RenderMessage(null)} {e.Exception?.GetType().Name}")];
}
