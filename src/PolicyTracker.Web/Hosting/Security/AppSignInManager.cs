using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.Web.Hosting.Security;

// A disabled user is NotAllowed, whatever the password. Every failed sign-in costs one password hash,
// whether the account exists, is disabled, locked or fine, so the time taken tells nothing.
internal sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    DummyPasswordHash dummyHash)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), dummyHash.Value, password);
            return SignInResult.Failed;
        }

        if (user.PasswordHash is null)
        {
            // Invited, no password set yet: nothing to check against, but the same work.
            UserManager.PasswordHasher.VerifyHashedPassword(user, dummyHash.Value, password);
            return SignInResult.Failed;
        }

        if (user.IsDisabled || await IsLockedOut(user))
        {
            // The base class answers these before hashing; hash anyway, and do not say which.
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? dummyHash.Value, password);
            return user.IsDisabled ? SignInResult.NotAllowed : SignInResult.LockedOut;
        }

        return await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }
}
