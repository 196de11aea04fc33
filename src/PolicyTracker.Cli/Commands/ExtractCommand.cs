namespace PolicyTracker.Cli.Commands;

internal static class ExtractCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("extract: not implemented yet");
        return Task.FromResult(1);
    }
}
