using Microsoft.AspNetCore.Identity;

namespace PolicyTracker.Data.Accounts;

public class AppUser : IdentityUser
{
    // A disabled user cannot sign in, and their cookies, circuits and API tokens stop working.
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
