using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Seed;
using PolicyTracker.Data.Seed.Synthetic;

namespace PolicyTracker.Cli.Commands;

internal static class SeedCommand
{
    private const string SyntheticUsage =
        "usage: policytracker seed --synthetic --meetings N [--seed N] [--append] [--connection CONNECTION-STRING]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--synthetic"))
        {
            return await SyntheticAsync(args, stdout, stderr);
        }

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

    // seed --synthetic --meetings N [--seed N] [--append]: a generated archive at scale, by binary COPY.
    private static async Task<int> SyntheticAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        int? meetings = null;
        var seed = 1;
        var append = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--synthetic":
                    break;
                case "--append":
                    append = true;
                    break;
                case "--meetings" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0:
                    meetings = m;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                case "--connection" when i + 1 < args.Length:
                    rest.Add(args[i]);
                    rest.Add(args[++i]);
                    break;
                default:
                    if (args[i].StartsWith("--connection=", StringComparison.Ordinal))
                    {
                        rest.Add(args[i]);
                        break;
                    }

                    await stderr.WriteLineAsync(SyntheticUsage);
                    return 2;
            }
        }

        if (meetings is null)
        {
            await stderr.WriteLineAsync(SyntheticUsage);
            return 2;
        }

        if (MigrateCommand.ResolveConnection("seed", [.. rest], stderr) is not { } connectionString)
        {
            return 2;
        }

        try
        {
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seed: generating a synthetic archive of {meetings} meetings (seed {seed}{(append ? ", appending" : string.Empty)})"));
            var result = await SyntheticArchive.GenerateAsync(
                connectionString, new SyntheticOptions { Meetings = meetings.Value, Seed = seed, Append = append }, stderr);
            var total = result.Rows.Sum(r => r.Value);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seed: synthetic archive of {meetings} meetings, {total:N0} rows in {result.Elapsed.TotalSeconds:F1} s"));
            foreach (var (table, rows) in result.Rows)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table,-24} {rows,12:N0}"));
            }

            return 0;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"seed: {e.Message}");
            return 1;
        }
    }
}
