using BenchmarkDotNet.Running;

namespace PolicyTracker.Benchmarks;

// A named entry point rather than top-level statements: those would declare a second global Program beside the web app's.
public static class BenchmarkProgram
{
    // dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- --quick
    // dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- --filter '*' --job short
    // dotnet tests/PolicyTracker.Benchmarks/bin/Release/net10.0/PolicyTracker.Benchmarks.dll --dashboard --connection CS [--runs N]
    // dotnet tests/PolicyTracker.Benchmarks/bin/Release/net10.0/PolicyTracker.Benchmarks.dll --grid-host --urls URL --connection CS
    // POLICYTRACKER_TEST_DB=... dotnet tests/PolicyTracker.Benchmarks/bin/Release/net10.0/PolicyTracker.Benchmarks.dll --import-speed [--reports N] [--workers N]
    // POLICYTRACKER_TEST_DB=... dotnet tests/PolicyTracker.Benchmarks/bin/Release/net10.0/PolicyTracker.Benchmarks.dll --sign-in-timing [--rounds N]
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--sign-in-timing"))
        {
            return await SignInTiming.RunAsync(args, Console.Out);
        }

        if (args.Contains("--grid-host"))
        {
            return GridHost.Run(args);
        }

        if (args.Contains("--import-speed"))
        {
            return await ImportSpeed.RunAsync(args, Console.Out);
        }

        if (args.Contains("--dashboard"))
        {
            return await DashboardCheck.RunAsync(args, Console.Out);
        }

        if (args.Contains("--quick"))
        {
            return QuickCheck.Run(Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(ExtractBenchmarks).Assembly).Run(args);
        return 0;
    }
}
