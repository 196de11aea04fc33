using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;

namespace PolicyTracker.Cli.Commands;

/// <summary><c>users add|list|set-password|roles|disable|enable</c>: how the first administrator is made,
/// and a way back in when no administrator can sign in.</summary>
public static class UsersCommand
{
    public const string PasswordVariable = "POLICYTRACKER_PASSWORD";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string?>? readPassword = null)
    {
        var options = Options.Parse(args.Skip(1));
        var verb = args.FirstOrDefault();
        if (verb is null or "help" or "--help" || options.Error is not null)
        {
            if (options.Error is not null)
            {
                await stderr.WriteLineAsync(options.Error);
            }
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var connectionString = options.Connection ?? Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await stderr.WriteLineAsync("No database: set ConnectionStrings__Default or pass --connection \"Host=...;Database=...;Username=...\".");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICurrentUser>(new CliUser());
        services.AddPolicyTrackerData(connectionString);
        services.AddPolicyTrackerAccounts(connectionString);
        await using var provider = services.BuildServiceProvider();
        // Users live next to the records: bring both schemas up to date first (idempotent).
        await DatabaseMigrator.MigrateAsync(provider);
        await using var scope = provider.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await accounts.EnsureRolesAsync();

        switch (verb)
        {
            case "list":
                foreach (var u in await accounts.ListAsync())
                {
                    await stdout.WriteLineAsync($"{u.Email,-32} {string.Join(",", u.Roles),-24} {(u.IsDisabled ? "disabled" : "active")}");
                }
                return 0;
            case "add":
            case "set-password":
            case "roles":
            case "disable":
            case "enable":
                if (options.Email is null)
                {
                    await stderr.WriteLineAsync($"users {verb}: --email is required.");
                    return 2;
                }
                break;
            default:
                await stderr.WriteLineAsync($"Unknown users command '{verb}'.");
                await stderr.WriteLineAsync(Usage);
                return 2;
        }

        var existing = await users.FindByEmailAsync(options.Email);
        if (verb == "add" && existing is not null)
        {
            await stderr.WriteLineAsync($"{options.Email} already exists; use 'users roles' or 'users set-password'.");
            return 1;
        }
        if (verb != "add" && existing is null)
        {
            await stderr.WriteLineAsync($"No user {options.Email}.");
            return 1;
        }

        AccountResult result;
        switch (verb)
        {
            case "add":
                if (options.Roles.Count == 0)
                {
                    await stderr.WriteLineAsync($"users add: give at least one --role ({string.Join(", ", Roles.All)}).");
                    return 2;
                }
                var password = await PasswordAsync(readPassword, stderr);
                if (password is null)
                {
                    return 2;
                }
                result = await accounts.CreateAsync(options.Email, password, options.Roles);
                break;
            case "set-password":
                var newPassword = await PasswordAsync(readPassword, stderr);
                if (newPassword is null)
                {
                    return 2;
                }
                result = await accounts.SetPasswordAsync(existing!.Id, newPassword);
                break;
            case "roles":
                result = await accounts.SetRolesAsync(existing!.Id, options.Roles);
                break;
            default:
                result = await accounts.SetDisabledAsync(existing!.Id, verb == "disable");
                break;
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await stderr.WriteLineAsync(error);
            }
            return 1;
        }
        await stdout.WriteLineAsync($"users {verb}: {options.Email} done.");
        return 0;
    }

    private const string Usage = """
        usage: policytracker users <command> [--connection CS]
          add --email E --role R [--role R2]   create a user; password from POLICYTRACKER_PASSWORD or prompted
          set-password --email E               same password sources; also clears a lockout
          roles --email E --role R ...         replace the user's roles
          disable --email E | enable --email E
          list
        roles: Analyst, Editor, Manager, Admin. The database comes from ConnectionStrings__Default or --connection.
        """;

    private static async Task<string?> PasswordAsync(Func<string?>? readPassword, TextWriter stderr)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (readPassword is null && Console.IsInputRedirected)
            {
                await stderr.WriteLineAsync($"No terminal to ask for a password: set {PasswordVariable}.");
                return null;
            }
            readPassword ??= () => Prompt(stderr);
            password = readPassword();
        }
        if (string.IsNullOrEmpty(password))
        {
            await stderr.WriteLineAsync("No password given.");
            return null;
        }
        return password;
    }

    private static string? Prompt(TextWriter stderr)
    {
        var first = ReadHidden(stderr, "Password (at least 12 characters): ");
        var second = ReadHidden(stderr, "Again: ");
        if (first != second)
        {
            stderr.WriteLine("The passwords differ.");
            return null;
        }
        return first;
    }

    private static string ReadHidden(TextWriter stderr, string prompt)
    {
        stderr.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                stderr.WriteLine();
                return text.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }

    private sealed class CliUser : ICurrentUser
    {
        public string Name => $"cli:{Environment.UserName}";

        public string? ClientAddress => null;
    }

    private sealed record Options(string? Email, List<string> Roles, string? Connection, string? Error)
    {
        public static Options Parse(IEnumerable<string> args)
        {
            string? email = null, connection = null;
            var roles = new List<string>();
            using var e = args.GetEnumerator();
            while (e.MoveNext())
            {
                var name = e.Current;
                if (name is not ("--email" or "--role" or "--connection"))
                {
                    return new(null, roles, null, $"Unknown option '{name}'.");
                }
                if (!e.MoveNext())
                {
                    return new(null, roles, null, $"{name} needs a value.");
                }
                switch (name)
                {
                    case "--email": email = e.Current; break;
                    case "--role": roles.AddRange(e.Current.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                    default: connection = e.Current; break;
                }
            }
            return new(email, roles, connection, null);
        }
    }
}
