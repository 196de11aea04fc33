using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyTracker.Extraction;
using PolicyTracker.Extraction.Json;

namespace PolicyTracker.Cli.Commands;

/// <summary><c>policytracker extract &lt;file-or-folder&gt;... [--out DIR]</c>: report text in, gold-schema JSON out.</summary>
/// <remarks>
/// Exit codes: 0 all inputs extracted; 1 at least one input failed (each failure is one stderr line
/// <c>error: PATH: REASON</c>, and every other input is still processed); 2 usage error.
/// </remarks>
internal static class ExtractCommand
{
    public const string Usage = """
        usage: policytracker extract <file-or-folder>... [--out DIR] [--compact] [--stats]
          <file-or-folder>  a report .txt file, or a folder whose *.txt files are all extracted (not recursive)
          --out DIR         write DIR/NAME.json for each NAME.txt (DIR is created if missing);
                            without it, exactly one input is allowed and its JSON goes to stdout
          --compact         one-line JSON instead of indented
          --stats           print counts, time and reports/s to stderr when done
        exit codes: 0 ok, 1 some input failed (one 'error: PATH: REASON' line each), 2 usage error
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!ExtractOptions.TryParse(args, out var options, out var usageError))
        {
            await stderr.WriteLineAsync($"error: {usageError}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (options.Help)
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }

        var jobs = ExpandInputs(options.Inputs);
        if (options.OutDir is null && jobs.Length != 1)
        {
            await stderr.WriteLineAsync($"error: {jobs.Length} reports to extract: use --out DIR to write one JSON file per report");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (options.OutDir is not null)
        {
            try
            {
                Directory.CreateDirectory(options.OutDir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"error: {options.OutDir}: cannot create output folder ({ex.Message})");
                return 1;
            }

            MarkDuplicateOutputNames(jobs);
        }

        var stopwatch = Stopwatch.StartNew();
        Run(jobs, options);
        stopwatch.Stop();

        var failed = 0;
        foreach (var job in jobs)
        {
            if (job.Error is not null)
            {
                failed++;
                // Reported after the parallel loop, in input order, so the output is deterministic.
                await stderr.WriteLineAsync($"error: {job.Path}: {job.Error}");
            }
            else if (job.Json is not null)
            {
                await stdout.WriteAsync(Encoding.UTF8.GetString(job.Json));
            }
        }

        if (options.Stats)
        {
            var seconds = stopwatch.Elapsed.TotalSeconds;
            await stderr.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"extract: {jobs.Length - failed} extracted, {failed} failed, {seconds:F3} s, {(seconds > 0 ? jobs.Length / seconds : 0):F0} reports/s"));
        }

        await stdout.FlushAsync();
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Folders become their *.txt files (sorted, so output order never depends on the file system).</summary>
    private static ExtractJob[] ExpandInputs(IReadOnlyList<string> inputs)
    {
        var jobs = new List<ExtractJob>(inputs.Count);
        foreach (var input in inputs)
        {
            if (!Directory.Exists(input))
            {
                // Missing and unreadable files are diagnosed when read, like every other bad input.
                jobs.Add(new ExtractJob(input));
                continue;
            }

            string[] files;
            try
            {
                files = Directory.GetFiles(input, "*.txt", SearchOption.TopDirectoryOnly);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                jobs.Add(new ExtractJob(input) { Error = $"unreadable folder ({ex.Message})" });
                continue;
            }

            if (files.Length == 0)
            {
                jobs.Add(new ExtractJob(input) { Error = "folder has no .txt files" });
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                jobs.Add(new ExtractJob(file));
            }
        }

        return [.. jobs];
    }

    /// <summary>Two inputs named x.txt in different folders would silently overwrite one x.json; the second is refused.</summary>
    private static void MarkDuplicateOutputNames(ExtractJob[] jobs)
    {
        var firstByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (job.Error is not null)
            {
                continue;
            }

            if (!firstByName.TryAdd(job.OutputName, job.Path))
            {
                job.Error = $"same output name {job.OutputName}.json as {firstByName[job.OutputName]}";
            }
        }
    }

    private static void Run(ExtractJob[] jobs, ExtractOptions options)
    {
        if (jobs.Length == 1)
        {
            // No thread-pool ramp-up for the common one-file case.
            using var worker = new ExtractWorker(options);
            worker.Process(jobs[0]);
            return;
        }

        Parallel.For(
            0,
            jobs.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new ExtractWorker(options),
            (i, _, worker) =>
            {
                worker.Process(jobs[i]);
                return worker;
            },
            worker => worker.Dispose());
    }

    /// <summary>One per thread: a reused buffer and JSON writer, so a batch allocates little beyond the texts.</summary>
    private sealed class ExtractWorker(ExtractOptions options) : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
        private readonly Utf8JsonWriter _json = new(
            Stream.Null,
            options.Compact ? ExtractionJson.CompactOptions : ExtractionJson.IndentedOptions);

        public void Process(ExtractJob job)
        {
            if (job.Error is not null)
            {
                return;
            }

            var text = ExtractInputReader.TryRead(job.Path, out var readError);
            if (text is null)
            {
                job.Error = readError;
                return;
            }

            try
            {
                var extraction = ReportExtractor.Default.Extract(text);
                _buffer.ResetWrittenCount();
                _json.Reset(_buffer);
                ExtractionJson.Write(_json, extraction);
                _json.Flush();
                _buffer.Write("\n"u8);
            }
            catch (Exception ex)
            {
                // The engine promises never to throw; if it does, this report fails and the batch goes on.
                job.Error = $"extraction failed ({ex.GetType().Name}: {ex.Message})";
                return;
            }

            if (options.OutDir is null)
            {
                job.Json = _buffer.WrittenSpan.ToArray();
                return;
            }

            var outputPath = Path.Combine(options.OutDir, job.OutputName + ".json");
            try
            {
                using var handle = File.OpenHandle(outputPath, FileMode.Create, FileAccess.Write, FileShare.None);
                RandomAccess.Write(handle, _buffer.WrittenSpan, 0);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                job.Error = $"cannot write {outputPath} ({ex.Message})";
            }
        }

        public void Dispose() => _json.Dispose();
    }

    private sealed class ExtractJob(string path)
    {
        public string Path { get; } = path;

        /// <summary>NAME for NAME.txt; other file names are kept whole (notes.md gives notes.md.json).</summary>
        public string OutputName { get; } = System.IO.Path.GetExtension(path).Equals(".txt", StringComparison.OrdinalIgnoreCase)
            ? System.IO.Path.GetFileNameWithoutExtension(path)
            : System.IO.Path.GetFileName(path);

        // Each job is touched by exactly one worker; the main thread reads these after Parallel.For returns.
        public string? Error { get; set; }

        public byte[]? Json { get; set; }
    }
}
