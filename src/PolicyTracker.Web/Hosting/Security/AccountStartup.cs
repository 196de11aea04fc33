using Microsoft.AspNetCore.Identity;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.Web.Hosting.Security;

public static class AccountStartup
{
    /// <summary>Only in Development, and printed at start-up: never a default password anywhere else.</summary>
    public const string DemoPassword = "demo-password-2026";

    public static string DemoEmail(string role) => $"{role.ToLowerInvariant()}@example.org";

    /// <summary>Creates the roles; in Development also one demo user per role, printed to the terminal.
    /// Elsewhere, with no users yet, says how to create the first administrator.</summary>
    public static async Task PrepareAccountsAsync(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyTracker.Startup");
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await accounts.EnsureRolesAsync();

        if (environment.IsDevelopment() && configuration.GetValue("Accounts:DemoUsers", true))
        {
            foreach (var role in Roles.All)
            {
                if (await users.FindByEmailAsync(DemoEmail(role)) is null)
                {
                    var created = await accounts.CreateAsync(DemoEmail(role), DemoPassword, [role]);
                    if (!created.Succeeded)
                    {
                        logger.LogError("Could not create demo user {Email}: {Errors}", DemoEmail(role), string.Join("; ", created.Errors));
                    }
                }
            }
            // Straight to the terminal: the person running scripts/run.sh needs this whatever the log level.
            var lines = new List<string> { "", "  Demo sign-ins (Development only), password: " + DemoPassword };
            lines.AddRange(Roles.All.Select(r => $"    {DemoEmail(r),-24} {r}"));
            lines.Add("");
            await Console.Out.WriteLineAsync(string.Join(Environment.NewLine, lines));
        }
        else if (!users.Users.Any())
        {
            logger.LogWarning(
                "No users yet. Create the first administrator with: dotnet run --project src/PolicyTracker.Cli -- users add --email you@example.org --role Admin");
        }
    }
}
