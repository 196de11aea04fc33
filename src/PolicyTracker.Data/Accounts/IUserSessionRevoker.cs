namespace PolicyTracker.Data.Accounts;

// Told when a user's access changes (disabled, roles changed, password changed) so that the web
// app can close that user's open sessions at once instead of at the next revalidation.
public interface IUserSessionRevoker
{
    void Revoke(string userId, string? securityStamp);
}

public sealed class NoSessions : IUserSessionRevoker
{
    public void Revoke(string userId, string? securityStamp)
    {
    }
}
