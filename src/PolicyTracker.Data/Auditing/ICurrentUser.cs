namespace PolicyTracker.Data.Auditing;

// Who is making the change, for audit rows and soft-delete stamps.
public interface ICurrentUser
{
    string Name { get; }

    string? ClientAddress { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public string Name => "system";

    public string? ClientAddress => null;
}
