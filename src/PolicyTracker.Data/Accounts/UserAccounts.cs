using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Accounts;

public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, string? UserId = null)
{
    public static AccountResult Ok(string userId) => new(true, [], userId);

    public static AccountResult Fail(params string[] errors) => new(false, errors);

    public static AccountResult From(IdentityResult result) =>
        new(result.Succeeded, result.Errors.Select(e => e.Description).ToList());
}

public sealed record UserSummary(string Id, string Email, IReadOnlyList<string> Roles, bool IsDisabled,
    DateTimeOffset? LockedOutUntil, DateTimeOffset CreatedAt);

// User administration shared by the CLI (first admin) and the web app (users page).
public sealed class UserAccounts(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    AccountsDbContext db,
    AccountAudit audit,
    IUserSessionRevoker sessions,
    TimeProvider time)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates a user; without a password the user is invited and sets one from a reset link.</summary>
    public async Task<AccountResult> CreateAsync(string email, string? password, IEnumerable<string> roleNames, CancellationToken cancellationToken = default)
    {
        var wanted = NormalizeRoles(roleNames, out var unknown);
        if (unknown is not null)
        {
            return AccountResult.Fail($"Unknown role '{unknown}'. Roles are {string.Join(", ", Roles.All)}.");
        }
        await EnsureRolesAsync();

        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = time.GetUtcNow(),
        };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountResult.From(created);
        }
        if (wanted.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, wanted);
            if (!added.Succeeded)
            {
                return AccountResult.From(added);
            }
        }
        await audit.RecordAsync(AuditAction.UserCreated, AccountAudit.UserEntity, user.Email,
            new { Roles = wanted, Invited = password is null }, cancellationToken: cancellationToken);
        return AccountResult.Ok(user.Id);
    }

    public async Task<string?> CreatePasswordResetTokenAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null ? null : await users.GeneratePasswordResetTokenAsync(user);
    }

    public async Task<AccountResult> SetPasswordAsync(string userId, string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("No such user.");
        }
        // Validate first so a rejected password leaves the old one in place.
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded)
            {
                return AccountResult.From(valid);
            }
        }
        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return AccountResult.From(added);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditAction.PasswordChanged, AccountAudit.UserEntity, user.Email!, new { By = "administrator" },
            cancellationToken: cancellationToken);
        await RevokeAsync(user);
        return AccountResult.Ok(user.Id);
    }

    public async Task<AccountResult> SetRolesAsync(string userId, IEnumerable<string> roleNames, CancellationToken cancellationToken = default)
    {
        var wanted = NormalizeRoles(roleNames, out var unknown);
        if (unknown is not null)
        {
            return AccountResult.Fail($"Unknown role '{unknown}'.");
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("No such user.");
        }
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && await IsLastActiveAdminAsync(user))
        {
            return AccountResult.Fail("This is the last active administrator; make someone else an administrator first.");
        }
        await EnsureRolesAsync();
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return AccountResult.Ok(user.Id);
        }
        var result = removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success;
        if (result.Succeeded && added.Count > 0)
        {
            result = await users.AddToRolesAsync(user, added);
        }
        if (!result.Succeeded)
        {
            return AccountResult.From(result);
        }
        await audit.RecordAsync(AuditAction.RolesChanged, AccountAudit.UserEntity, user.Email!,
            new { From = current.Order().ToList(), To = wanted }, cancellationToken: cancellationToken);
        await RevokeAsync(user);
        return AccountResult.Ok(user.Id);
    }

    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("No such user.");
        }
        if (user.IsDisabled == disabled)
        {
            return AccountResult.Ok(user.Id);
        }
        if (disabled && await users.IsInRoleAsync(user, Roles.Admin) && await IsLastActiveAdminAsync(user))
        {
            return AccountResult.Fail("This is the last active administrator and cannot be disabled.");
        }
        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AccountResult.From(updated);
        }
        var tokens = disabled ? await RevokeTokensAsync(user.Id, cancellationToken) : 0;
        await audit.RecordAsync(disabled ? AuditAction.Disabled : AuditAction.Enabled, AccountAudit.UserEntity, user.Email!,
            disabled ? new { TokensRevoked = tokens } : null, cancellationToken: cancellationToken);
        await RevokeAsync(user);
        return AccountResult.Ok(user.Id);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var roleNames = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(cancellationToken);
        var byUser = roleNames.ToLookup(r => r.UserId, r => r.Name!);
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return list.Select(u => new UserSummary(u.Id, u.Email ?? u.UserName ?? u.Id, byUser[u.Id].Order().ToList(), u.IsDisabled,
            u.LockoutEnd > now ? u.LockoutEnd : null, u.CreatedAt)).ToList();
    }

    // Disabling ends the user's API tokens for good: enabling the account again must not revive them.
    private async Task<int> RevokeTokensAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
    }

    // A new security stamp makes every cookie and circuit of the user invalid; the revoker acts on it at once.
    private async Task RevokeAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        sessions.Revoke(user.Id, user.SecurityStamp);
    }

    private async Task<bool> IsLastActiveAdminAsync(AppUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && !a.IsDisabled);
    }

    private static List<string> NormalizeRoles(IEnumerable<string> roleNames, out string? unknown)
    {
        unknown = null;
        var result = new List<string>();
        foreach (var name in roleNames.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            var role = Roles.Normalize(name);
            if (role is null)
            {
                unknown = name;
                return [];
            }
            if (!result.Contains(role))
            {
                result.Add(role);
            }
        }
        return result;
    }
}
