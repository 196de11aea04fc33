namespace PolicyTracker.Data.Entities;

public enum AuditAction
{
    Added,
    Modified,
    Deleted,
    Restored,

    // Account events, written by the web app and the CLI rather than the interceptor.
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    UserCreated,
    RolesChanged,
    Disabled,
    Enabled,
    PasswordChanged,
    TokenCreated,
    TokenRevoked,
}
