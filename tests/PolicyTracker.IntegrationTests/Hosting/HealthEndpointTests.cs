using System.Diagnostics;
using System.Net;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.TestSupport;

namespace PolicyTracker.IntegrationTests.Hosting;

[Collection(DatabaseTestGroup.Name)]
public sealed class HealthEndpointTests(DatabaseFixture database)
{
    private static AppFactory App(string connectionString, bool migrate = true) =>
        new(connectionString, new AppOptions { Environment = "Testing", MigrateOnStartup = migrate });

    [Fact]
    public async Task Live_and_ready_answer_healthy_when_the_database_is_up()
    {
        await using var app = App(database.ConnectionString);
        using var client = app.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldContain("\"database\":{\"status\":\"Healthy\"");
    }

    [Fact]
    public async Task Ready_answers_503_while_live_stays_200_when_the_database_goes_away()
    {
        // Start healthy, then point the readiness check at a database that does not exist by
        // starting a host whose connection string names one, with migrations off.
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "pt_missing_" + Guid.NewGuid().ToString("N") };
        await using var app = App(missing.ConnectionString, migrate: false);
        using var client = app.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task The_app_exits_with_code_3_and_a_clear_reason_when_the_server_cannot_be_reached()
    {
        var web = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [web, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(web)!,
        };
        start.Environment["ConnectionStrings__Default"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Timeout=2";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.ShouldBe(3);
        (await output + await errors).ShouldContain("Cannot reach the database at 127.0.0.1:1/nowhere");
    }
}
