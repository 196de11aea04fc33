using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyTracker.TestSupport;

/// <summary>How <see cref="AppFactory"/> sets the app up; the defaults suit most tests.</summary>
public sealed record AppOptions
{
    /// <summary>Development (demo users, detailed errors), Production (as deployed) or any other name, e.g. Testing.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary><c>Database:MigrateOnStartup</c>.</summary>
    public bool MigrateOnStartup { get; init; } = true;

    /// <summary><c>Database:SeedDemoData</c>: the demo reports, meetings and people.</summary>
    public bool DemoData { get; init; }

    /// <summary><c>Accounts:DemoUsers</c>; null leaves the app's own default (on in Development only).</summary>
    public bool? DemoUsers { get; init; }

    /// <summary><c>Security:SignInAttemptsPerMinute</c>; every test signs in from one address, so tests
    /// that sign in often raise it. Null leaves the app's own limit.</summary>
    public int? SignInAttemptsPerMinute { get; init; }

    /// <summary><c>Serilog:MinimumLevel:Default</c>: quiet unless a test needs the log.</summary>
    public string LogLevel { get; init; } = "Warning";

    /// <summary>A sink that receives everything the app logs at <see cref="LogLevel"/> or above.</summary>
    public CapturedLog? Log { get; init; }

    /// <summary>Anything else, applied after the settings above (so it can override them).</summary>
    public Action<IWebHostBuilder>? Configure { get; init; }
}

/// <summary>The app in memory on a given database, with the common test settings (see <see cref="AppOptions"/>).
/// In-memory by default (<see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/>); <see cref="StartKestrel"/>
/// serves it on a real port of 127.0.0.1 instead, for a browser.</summary>
public sealed class AppFactory(string connectionString, AppOptions? options = null) : WebApplicationFactory<Program>
{
    private readonly AppOptions _options = options ?? new AppOptions();
    private bool _kestrel;

    /// <summary>Starts the app on Kestrel at http://127.0.0.1 on a free port and returns its base address.</summary>
    public string StartKestrel()
    {
        _kestrel = true;
        UseKestrel(0);
        StartServer();
        var server = Services.GetRequiredService<IServer>();
        return server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="work"/> with the services of a new scope of the running app.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_options.Environment);
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", Setting(_options.MigrateOnStartup));
        builder.UseSetting("Database:SeedDemoData", Setting(_options.DemoData));
        if (_options.DemoUsers is { } demoUsers)
        {
            builder.UseSetting("Accounts:DemoUsers", Setting(demoUsers));
        }

        builder.UseSetting("Serilog:MinimumLevel:Default", _options.LogLevel);
        // Test feeds and articles are served on loopback; scheduled polling would reach across tests.
        builder.UseSetting("Fetching:AllowPrivateNetworks", "true");
        builder.UseSetting("Feeds:PollOnSchedule", "false");
        if (_options.SignInAttemptsPerMinute is { } attempts)
        {
            builder.UseSetting("Security:SignInAttemptsPerMinute", attempts.ToString(CultureInfo.InvariantCulture));
        }

        if (_kestrel)
        {
            // An ASPNETCORE_URLS or launch default would otherwise win over UseKestrel(0) and bind :5000.
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }

        if (_options.Log is { } log)
        {
            // The app's Serilog reads sinks from its services (ReadFrom.Services).
            builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(log));
        }

        _options.Configure?.Invoke(builder);
    }

    private static string Setting(bool value) => value ? "true" : "false";
}
