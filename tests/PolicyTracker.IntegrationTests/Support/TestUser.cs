using PolicyTracker.Data.Auditing;

namespace PolicyTracker.IntegrationTests.Support;

public sealed class TestUser : ICurrentUser
{
    public string Name { get; set; } = "tester";

    public string? ClientAddress { get; set; } = "203.0.113.7";

    public void Reset()
    {
        Name = "tester";
        ClientAddress = "203.0.113.7";
    }
}
