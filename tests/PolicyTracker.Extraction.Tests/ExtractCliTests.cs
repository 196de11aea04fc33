using System.Diagnostics;
using System.Text;
using PolicyTracker.Extraction.Json;

namespace PolicyTracker.Extraction.Tests;

/// <summary>
/// Runs the built CLI (<c>policytracker.dll extract</c>) as a process: the Cli project references the
/// EF data layer, which this test project must not. Skipped with a message when the CLI is not built
/// in the same configuration as these tests.
/// </summary>
public sealed class ExtractCliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("policytracker-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [CliFact]
    public async Task One_good_file_prints_the_same_json_as_the_library_to_stdout_and_exits_0()
    {
        var (name, text) = FuzzCorpus.Reports[0];
        var path = Write($"{name}.txt", text);

        var result = await Cli.Run("extract", path);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldBeEmpty();
        result.Stdout.ShouldBe(LibraryJson(text));
        PropertyAssertions.JsonFollowsTheSchema(result.Stdout);
    }

    [CliFact]
    public async Task A_folder_with_out_writes_one_json_per_txt_file_into_a_created_folder()
    {
        var reports = FuzzCorpus.Reports.Take(3).ToList();
        var input = Directory.CreateDirectory(Path.Combine(_temp, "in")).FullName;
        foreach (var (name, text) in reports)
        {
            Write($"in/{name}.txt", text);
        }

        Write("in/notes.md", "not a report");
        var output = Path.Combine(_temp, "out", "nested");

        var result = await Cli.Run("extract", input, $"--out={output}");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldBeEmpty();
        result.Stdout.ShouldBeEmpty();
        Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(reports.Select(r => r.Name + ".json").Order(StringComparer.Ordinal));
        foreach (var (name, text) in reports)
        {
            (await File.ReadAllTextAsync(Path.Combine(output, name + ".json"))).ShouldBe(LibraryJson(text));
        }
    }

    [CliTheory]
    [InlineData("binary", "binary")]
    [InlineData("controls", "binary")]
    [InlineData("latin1", "not valid UTF-8")]
    [InlineData("utf16", "not valid UTF-8")]
    [InlineData("huge", "larger than 2 MB")]
    [InlineData("empty", "empty")]
    [InlineData("missing", "no such file")]
    public async Task A_bad_file_gets_one_error_line_naming_it_while_the_good_file_is_still_written_and_the_exit_code_is_1(string kind, string reason)
    {
        var good = Write("good.txt", FuzzCorpus.Reports[0].Text);
        var bad = Path.Combine(_temp, $"{kind}.txt");
        switch (kind)
        {
            case "binary":
                await File.WriteAllBytesAsync(bad, [.. "Headline\n"u8, 0, 1, 2, 0xFF, 0xD8, 0]);
                break;
            case "controls":
                await File.WriteAllTextAsync(bad, "Headline\n" + new string('\u0001', 100) + "\u001B[0m\n");
                break;
            case "latin1":
                await File.WriteAllBytesAsync(bad, Encoding.Latin1.GetBytes("Caf\u00E9 meeting chaired by Jos\u00E9\n"));
                break;
            case "utf16":
                await File.WriteAllTextAsync(bad, "Cabinet meets\n", Encoding.Unicode);
                break;
            case "huge":
                await File.WriteAllTextAsync(bad, new string('a', (2 * 1024 * 1024) + 1));
                break;
            case "empty":
                await File.WriteAllBytesAsync(bad, []);
                break;
        }

        var output = Path.Combine(_temp, "out");

        var result = await Cli.Run("extract", good, bad, "--out", output);

        result.ExitCode.ShouldBe(1);
        result.Stderr.TrimEnd('\n').ShouldNotContain('\n');
        result.Stderr.ShouldStartWith($"error: {bad}: {reason}");
        File.Exists(Path.Combine(output, "good.json")).ShouldBeTrue();
        File.Exists(Path.Combine(output, $"{kind}.json")).ShouldBeFalse();
    }

    [CliFact]
    public async Task Several_bad_files_in_a_folder_each_get_their_own_line_in_name_order()
    {
        Write("in/a-good.txt", FuzzCorpus.Reports[0].Text);
        await File.WriteAllBytesAsync(Path.Combine(_temp, "in", "b-binary.txt"), [0, 0, 0]);
        await File.WriteAllBytesAsync(Path.Combine(_temp, "in", "c-latin1.txt"), [0x43, 0x61, 0x66, 0xE9]);
        Write("in/d-good.txt", FuzzCorpus.Reports[^1].Text);

        var result = await Cli.Run("extract", Path.Combine(_temp, "in"), "--out", Path.Combine(_temp, "out"));

        result.ExitCode.ShouldBe(1);
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            $"error: {Path.Combine(_temp, "in", "b-binary.txt")}: binary (contains NUL bytes)",
            $"error: {Path.Combine(_temp, "in", "c-latin1.txt")}: not valid UTF-8",
        ]);
        Directory.GetFiles(Path.Combine(_temp, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["a-good.json", "d-good.json"]);
    }

    [CliFact]
    public async Task A_utf8_bom_is_stripped_and_nothing_else_about_the_text_changes()
    {
        var text = "  Headline with leading spaces\r\nBody\ttext \u00A0 Tô Lâm\r\n";
        var path = Path.Combine(_temp, "bom.txt");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var result = await Cli.Run("extract", path);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBe(LibraryJson(text));
    }

    [CliTheory]
    [InlineData]
    [InlineData("--bogus", "x.txt")]
    [InlineData("--out")]
    [InlineData("--out=", "x.txt")]
    [InlineData("--out", "a", "--out=b", "x.txt")]
    [InlineData("a.txt", "b.txt")]
    public async Task Usage_errors_exit_with_2_and_print_usage(params string[] args)
    {
        var result = await Cli.Run(["extract", .. args]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("error: ");
        result.Stderr.ShouldContain("usage: policytracker extract");
    }

    [CliFact]
    public async Task Two_inputs_with_the_same_name_do_not_overwrite_each_other()
    {
        var first = Write("one/x.txt", FuzzCorpus.Reports[0].Text);
        var second = Write("two/x.txt", FuzzCorpus.Reports[^1].Text);

        var result = await Cli.Run("extract", first, second, "--out", Path.Combine(_temp, "out"));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe($"error: {second}: same output name x.json as {first}\n");
        (await File.ReadAllTextAsync(Path.Combine(_temp, "out", "x.json"))).ShouldBe(LibraryJson(FuzzCorpus.Reports[0].Text));
    }

    private static string LibraryJson(string text) => ExtractionJson.ToJson(ReportExtractor.Default.Extract(text)) + "\n";

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_temp, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}

/// <summary>A fact that is skipped, saying how to fix it, when the CLI is not built.</summary>
public sealed class CliFactAttribute : FactAttribute
{
    public CliFactAttribute()
    {
        if (Cli.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that is skipped, saying how to fix it, when the CLI is not built.</summary>
public sealed class CliTheoryAttribute : TheoryAttribute
{
    public CliTheoryAttribute()
    {
        if (Cli.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Finds and runs <c>src/PolicyTracker.Cli/bin/CONFIGURATION/net10.0/policytracker.dll</c>.</summary>
internal static class Cli
{
    /// <summary>The configuration these tests were built in (the folder above net10.0), so a Debug test run uses the Debug CLI.</summary>
    private static readonly string Configuration =
        new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";

    private static readonly string? DllPath = FuzzCorpus.RepoRoot is { } root
        ? Path.Combine(root, "src", "PolicyTracker.Cli", "bin", Configuration, "net10.0", "policytracker.dll")
        : null;

    /// <summary>Why the CLI tests cannot run, or null when they can.</summary>
    public static string? Missing => DllPath is null
        ? "CLI tests need a checkout: PolicyTracker.sln not found above the test assembly"
        : File.Exists(DllPath)
            ? null
            : $"CLI not built: {DllPath} is missing; run: dotnet build src/PolicyTracker.Cli -c {Configuration}";

    public static async Task<CliResult> Run(params string[] args)
    {
        // The SDK sets DOTNET_HOST_PATH for test runs; fall back to the dotnet on PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(DllPath!);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
