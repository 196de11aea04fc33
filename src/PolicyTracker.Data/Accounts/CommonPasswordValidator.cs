using Microsoft.AspNetCore.Identity;

namespace PolicyTracker.Data.Accounts;

/// <summary>Refuses the passwords attackers try first (Accounts/common-passwords.txt, shipped inside the
/// assembly), and any password made of one repeated character or of the account's own e-mail name.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var local = (user.Email ?? user.UserName ?? "").Split('@')[0];
        var weak = IsCommon(password)
            || password.All(c => c == password[0])
            || (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too easy to guess (it is on the list of common passwords, or built from the e-mail address). Choose another.",
            })
            : IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded in PolicyTracker.Data.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
