using PolicyTracker.Data.Import.Jobs;

namespace PolicyTracker.Web.Features.Import;

// Runs import workers inside the app, so jobs queued from the Import page or left unfinished by a
// killed app or CLI go on whenever the app runs. Workers share the queue with any other app
// instance or CLI (FOR UPDATE SKIP LOCKED), so running several is safe.
// Settings: Import:RunWorkers (default true), Import:Workers (default 1).
public sealed class ImportBackgroundService(
    IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ImportBackgroundService> logger) : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Import:RunWorkers", true))
        {
            logger.LogInformation("Import workers are off (Import:RunWorkers = false); queued imports wait for another instance or the CLI");
            return Task.CompletedTask;
        }

        var count = Math.Clamp(configuration.GetValue("Import:Workers", 1), 1, 16);
        return Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(() => RunWorkerAsync(stoppingToken), stoppingToken)));
    }

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var worker = scope.ServiceProvider.GetRequiredService<ImportWorker>();
                logger.LogInformation("Import worker {Worker} started", worker.Id);
                await worker.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The worker keeps its own items safe (leases); one unexpected fault must not stop the app's importing for good.
                logger.LogError(e, "Import worker stopped unexpectedly; starting another in {Delay}", RestartDelay);
                try
                {
                    await Task.Delay(RestartDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
