using BenchmarkDotNet.Running;
using PolicyTracker.Benchmarks;

// dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- --quick
// dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- --filter '*' --job short
// dotnet tests/PolicyTracker.Benchmarks/bin/Release/net10.0/PolicyTracker.Benchmarks.dll --dashboard --connection CS [--runs N]
// dotnet tests/PolicyTracker.Benchmarks/bin/Release/net10.0/PolicyTracker.Benchmarks.dll --grid-host --urls URL --connection CS
if (args.Contains("--grid-host"))
{
    return GridHost.Run(args);
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
