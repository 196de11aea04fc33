namespace PolicyTracker.Cli.Commands;

/// <summary>Parsed <c>extract</c> arguments.</summary>
internal sealed record ExtractOptions(IReadOnlyList<string> Inputs, string? OutDir, bool Compact, bool Stats, bool Help)
{
    public static bool TryParse(string[] args, out ExtractOptions options, out string? error)
    {
        var inputs = new List<string>();
        string? outDir = null;
        bool compact = false, stats = false, help = false, onlyInputs = false;
        options = new ExtractOptions(inputs, null, false, false, false);

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            // "-" alone is not an option, and after "--" nothing is: lets odd file names through.
            if (onlyInputs || arg == "-" || !arg.StartsWith('-'))
            {
                inputs.Add(arg);
                continue;
            }

            switch (arg)
            {
                case "--":
                    onlyInputs = true;
                    break;
                case "-h" or "--help":
                    help = true;
                    break;
                case "--compact":
                    compact = true;
                    break;
                case "--stats":
                    stats = true;
                    break;
                case "-o" or "--out" when i + 1 >= args.Length || args[i + 1].Length == 0:
                    error = $"{arg} needs a folder";
                    return false;
                case "-o" or "--out":
                    if (!TrySetOutDir(ref outDir, args[++i], out error))
                    {
                        return false;
                    }

                    break;
                case var _ when arg.StartsWith("--out=", StringComparison.Ordinal):
                    if (arg.Length == "--out=".Length)
                    {
                        error = "--out needs a folder";
                        return false;
                    }

                    if (!TrySetOutDir(ref outDir, arg["--out=".Length..], out error))
                    {
                        return false;
                    }

                    break;
                default:
                    error = $"unknown option '{arg}'";
                    return false;
            }
        }

        if (!help && inputs.Count == 0)
        {
            error = "no input files or folders";
            return false;
        }

        options = new ExtractOptions(inputs, outDir, compact, stats, help);
        error = null;
        return true;
    }

    private static bool TrySetOutDir(ref string? outDir, string value, out string? error)
    {
        if (outDir is not null)
        {
            error = "--out given twice";
            return false;
        }

        outDir = value;
        error = null;
        return true;
    }
}
