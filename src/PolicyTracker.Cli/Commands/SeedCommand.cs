using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Seed;

namespace PolicyTracker.Cli.Commands;

internal static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (MigrateCommand.ResolveConnection("seed", args, stderr) is not { } connectionString)
        {
            return 2;
        }

        try
        {
            await using var services = new ServiceCollection().AddPolicyTrackerData(connectionString).BuildServiceProvider();
            var factory = services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
            var imported = await DemoData.SeedAsync(factory);
            await stdout.WriteLineAsync(imported == 0
                ? "seed: the database already has reports; nothing imported"
                : $"seed: imported {imported} demo reports");
            return 0;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or DbUpdateException)
        {
            await stderr.WriteLineAsync($"seed: {e.Message}");
            return 1;
        }
    }
}
