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
                case "-o" or "--out":
                    if (i + 1 >= args.Length || args[i + 1].Length == 0)
                    {
                        error = $"{arg} needs a folder";
                        return false;
                    }

                    if (outDir is not null)
                    {
                        error = $"{arg} given twice";
                        return false;
                    }

                    outDir = args[++i];
                    break;
                default:
                    if (arg.StartsWith("--out=", StringComparison.Ordinal) && arg.Length > "--out=".Length && outDir is null)
                    {
                        outDir = arg["--out=".Length..];
                        break;
                    }

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
}
