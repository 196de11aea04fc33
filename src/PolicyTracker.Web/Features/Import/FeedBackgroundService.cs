using PolicyTracker.Data.Import.Feeds;

namespace PolicyTracker.Web.Features.Import;

// Polls subscribed feeds on their schedules; what a poll finds is queued as an import job for the
// import workers. Several instances share the polling (feeds are claimed with SKIP LOCKED). With no
// feeds it is one small query per check.
// Settings: Feeds:PollOnSchedule (default true), Feeds:CheckSeconds (default 30).
public sealed class FeedBackgroundService(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<FeedBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Feeds:PollOnSchedule", true))
        {
            logger.LogInformation("Feed polling is off (Feeds:PollOnSchedule = false)");
            return;
        }

        var every = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Feeds:CheckSeconds", 30), 1, 3600));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var poller = scope.ServiceProvider.GetRequiredService<FeedPoller>();
                while (await poller.PollDueAsync(stoppingToken) is not null)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database outage or a bug in one feed must not stop polling for good.
                logger.LogError(e, "Feed polling failed; trying again in {Delay}", every);
            }

            try
            {
                await Task.Delay(every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
