namespace PolicyTracker.IntegrationTests.Support;

// A clock the tests set by hand; starts at a fixed instant so audit times are predictable.
public sealed class TestClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = Start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    public void Reset() => Now = Start;
}
