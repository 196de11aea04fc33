using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;
using PolicyTracker.IntegrationTests.Security;
using PolicyTracker.IntegrationTests.Support;
using Xunit.Abstractions;

namespace PolicyTracker.IntegrationTests.Hosting;

/// <summary>A real PostgreSQL stopped under the running app: the probe and the pages answer within seconds
/// and say what is wrong, and everything works again when the server is back, without a restart.</summary>
public sealed class OutageTests(ITestOutputHelper output)
{
    private const string Email = "outage-admin@test.example";

    [Fact]
    public async Task With_the_database_stopped_ready_answers_503_within_5_s_pages_say_it_is_unavailable_and_all_recovers()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("ConnectionStrings:Default", cluster.ConnectionString("pt_outage"));
            b.UseSetting("Database:MigrateOnStartup", "true");
            b.UseSetting("Database:SeedDemoData", "false");
            b.UseSetting("Accounts:DemoUsers", "false");
            b.UseSetting("Security:RequireHttps", "false");
            b.UseSetting("Security:SignInAttemptsPerMinute", "1000");
            b.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
        });
        _ = app.Server;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(Email, SecurityFixture.Password, [Roles.Admin])).Succeeded.ShouldBeTrue();
        }

        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await SecurityFixture.PostSignInAsync(client, Email, SecurityFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.Found);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/people")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await cluster.StopAsync();

        var (ready, readySeconds) = await TimedAsync(() => client.GetAsync("/health/ready"));
        // The audit page reads the database while it is rendered on the server (list grids load once interactive).
        var (page, pageSeconds) = await TimedAsync(() => client.GetAsync("/admin/audit"));
        var (export, exportSeconds) = await TimedAsync(() => client.GetAsync("/api/export/people.csv"));
        output.WriteLine($"database down: /health/ready {(int)ready.StatusCode} in {readySeconds:0.00} s, /admin/audit {(int)page.StatusCode} in {pageSeconds:0.00} s, "
                         + $"/api/export/people.csv {(int)export.StatusCode} in {exportSeconds:0.00} s");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        readySeconds.ShouldBeLessThan(5);
        (await page.Content.ReadAsStringAsync()).ShouldContain("The database is unavailable");
        ((int)page.StatusCode).ShouldBeOneOf(200, 503);
        pageSeconds.ShouldBeLessThan(10);
        export.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        exportSeconds.ShouldBeLessThan(10);

        await cluster.StartAgainAsync();

        var back = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            status = (await client.GetAsync("/health/ready")).StatusCode;
        }
        while (status != HttpStatusCode.OK && back.Elapsed < TimeSpan.FromSeconds(30));
        output.WriteLine($"database back: /health/ready 200 after {back.Elapsed.TotalSeconds:0.00} s");
        status.ShouldBe(HttpStatusCode.OK);
        var recovered = await client.GetAsync("/admin/audit");
        recovered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await recovered.Content.ReadAsStringAsync()).ShouldNotContain("The database is unavailable");
    }

    [Fact]
    public async Task The_readiness_check_gives_up_within_5_s_when_the_database_host_does_not_answer_at_all()
    {
        // A documentation address (RFC 5737): packets to it go nowhere, as with a dead host or a firewall.
        // (The app itself refuses to start without a database, so the check is run on its own.)
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = "Host=192.0.2.1;Port=5432;Database=nowhere;Username=postgres" })
            .Build();
        var check = new PolicyTracker.Web.Hosting.DatabaseReadyCheck(configuration);
        var context = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext
        {
            Registration = new("database", check, Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, ["ready"]),
        };

        var clock = Stopwatch.StartNew();
        var result = await check.CheckHealthAsync(context);
        output.WriteLine($"unreachable host: readiness {result.Status} in {clock.Elapsed.TotalSeconds:0.00} s ({result.Description})");

        result.Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);
        result.Description.ShouldNotBeNull().ShouldContain("The database is unavailable");
        clock.Elapsed.TotalSeconds.ShouldBeLessThan(5);
    }

    private static async Task<(HttpResponseMessage Response, double Seconds)> TimedAsync(Func<Task<HttpResponseMessage>> request)
    {
        var clock = Stopwatch.StartNew();
        var response = await request();
        return (response, clock.Elapsed.TotalSeconds);
    }
}
