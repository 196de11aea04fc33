using System.Collections.Concurrent;
using System.Net;

namespace PolicyTracker.Web.Hosting.Security;

/// <summary>Slows password guessing without locking anyone out. Failures are counted per account and client
/// address (and, with a higher allowance, per account from anywhere); past the free attempts each further
/// try must wait twice as long as the last, up to <c>Security:SignIn:MaxDelaySeconds</c>. A success clears
/// the account and client's count. Keyed on the e-mail as typed, so an unknown address is throttled
/// exactly like a real one and the answer reveals nothing. Replaces Identity's 15-minute lockout, which
/// let anyone lock the administrator out with five wrong passwords.</summary>
public sealed class SignInThrottle(TimeProvider time, IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _freeAttempts = configuration.GetValue("Security:SignIn:FreeAttempts", 5);
    private readonly int _freeAttemptsPerAccount = configuration.GetValue("Security:SignIn:FreeAttemptsPerAccount", 20);
    private readonly TimeSpan _maxDelay = TimeSpan.FromSeconds(configuration.GetValue("Security:SignIn:MaxDelaySeconds", 60));
    private readonly TimeSpan _forgetAfter = TimeSpan.FromMinutes(15);

    /// <summary>How long this account and client must still wait before the next try; zero when it may try now.</summary>
    public TimeSpan WaitFor(string email, IPAddress? client)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var (key, free) in Keys(email, client))
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Failures > free)
            {
                var left = entry.LastFailure + Delay(entry.Failures - free) - now;
                wait = left > wait ? left : wait;
            }
        }

        return wait;
    }

    public void Failed(string email, IPAddress? client)
    {
        var now = time.GetUtcNow();
        foreach (var (key, _) in Keys(email, client))
        {
            _entries.AddOrUpdate(key, _ => new Entry(1, now),
                (_, e) => now - e.LastFailure > _forgetAfter ? new Entry(1, now) : new Entry(e.Failures + 1, now));
        }

        // Bounded memory under a spray of made-up addresses: old entries go.
        if (_entries.Count > 10_000)
        {
            foreach (var (key, e) in _entries)
            {
                if (now - e.LastFailure > _forgetAfter)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    public void Succeeded(string email, IPAddress? client) => _entries.TryRemove(ClientKey(email, client), out _);

    private TimeSpan Delay(int over)
    {
        var seconds = Math.Pow(2, Math.Min(over - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, _maxDelay.TotalSeconds));
    }

    private IEnumerable<(string Key, int Free)> Keys(string email, IPAddress? client)
    {
        yield return (ClientKey(email, client), _freeAttempts);
        yield return ("account:" + Normalize(email), _freeAttemptsPerAccount);
    }

    private static string ClientKey(string email, IPAddress? client) => $"client:{client}:{Normalize(email)}";

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private sealed record Entry(int Failures, DateTimeOffset LastFailure);
}
