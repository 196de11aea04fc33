using BenchmarkDotNet.Running;
using PolicyTracker.Benchmarks;

// dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- --quick
// dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- --filter '*' --job short
if (args.Contains("--quick"))
{
    return QuickCheck.Run(Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(ExtractBenchmarks).Assembly).Run(args);
return 0;
