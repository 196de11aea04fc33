using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Topics;
using PolicyTracker.Extraction.Topics;

namespace PolicyTracker.Cli.Commands;

// topics recompute: re-tags every resolution and document with the taxonomy this build ships, in batches.
// topics status: how many rows carry tags of another taxonomy file.
internal static class TopicsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verb = args.FirstOrDefault();
        if (verb is not ("recompute" or "status"))
        {
            await stderr.WriteLineAsync("usage: policytracker topics recompute [--batch N] [--connection CS]");
            await stderr.WriteLineAsync("       policytracker topics status [--connection CS]");
            return 2;
        }

        var rest = args[1..].ToList();
        var batch = TopicTags.DefaultBatchSize;
        var at = rest.IndexOf("--batch");
        if (at >= 0)
        {
            if (at + 1 >= rest.Count || !int.TryParse(rest[at + 1], out batch) || batch < 1 || batch > 100_000)
            {
                await stderr.WriteLineAsync("topics: --batch needs a whole number from 1 to 100000");
                return 2;
            }

            rest.RemoveRange(at, 2);
        }

        if (MigrateCommand.ResolveConnection($"topics {verb}", [.. rest], stderr) is not { } connectionString)
        {
            return 2;
        }

        TopicTaxonomy taxonomy;
        try
        {
            taxonomy = TopicTaxonomy.Default;
        }
        catch (TopicTaxonomyException e)
        {
            await stderr.WriteLineAsync($"topics: {e.Message}");
            return 1;
        }

        try
        {
            var collection = new ServiceCollection().AddPolicyTrackerData(connectionString);
            collection.AddLogging();
            await using var services = collection.BuildServiceProvider();
            var factory = services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
            TopicStaleness before;
            await using (var db = await factory.CreateDbContextAsync())
            {
                before = await TopicTags.StalenessAsync(db, taxonomy, CancellationToken.None);
            }

            await stdout.WriteLineAsync($"topics: taxonomy {taxonomy.Version} ({taxonomy.Hash}), {taxonomy.Topics.Count} topics; "
                + $"{before.Resolutions} resolutions and {before.Documents} documents carry other tags");
            if (verb == "status")
            {
                return before.Stale ? 3 : 0;
            }

            var watch = Stopwatch.StartNew();
            var progress = new LineProgress(stdout);
            var changed = await TopicTags.RecomputeAllAsync(factory, taxonomy, progress, batch);
            await stdout.WriteLineAsync($"topics: done in {watch.Elapsed.TotalSeconds:0.0} s; {changed} rows re-tagged");
            return 0;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"topics: {e.GetBaseException().Message}");
            return 1;
        }
    }

    // Synchronous on purpose: Progress<T> would post to the thread pool and print out of order.
    private sealed class LineProgress(TextWriter stdout) : IProgress<TopicProgress>
    {
        public void Report(TopicProgress value) => stdout.WriteLine($"  {value.Stage}: {value.Done}/{value.Total}");
    }
}
