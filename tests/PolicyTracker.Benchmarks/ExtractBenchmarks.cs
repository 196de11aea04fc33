using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PolicyTracker.Extraction;
using PolicyTracker.Extraction.Json;

namespace PolicyTracker.Benchmarks;

/// <summary>Per-report cost of the engine and of the JSON writer, on the corpus reports.
/// Each operation handles <see cref="BenchmarkCorpus.BatchSize"/> reports; BenchmarkDotNet divides by it.</summary>
[MemoryDiagnoser]
public class ExtractBenchmarks
{
    private string[] _texts = [];
    private ReportExtraction[] _extractions = [];
    private string _oneMegabyte = string.Empty;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private Utf8JsonWriter _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        Console.WriteLine($"// corpus: {BenchmarkCorpus.Describe()}");
        _texts = BenchmarkCorpus.LoadBatch();
        _extractions = [.. _texts.Select(t => ReportExtractor.Default.Extract(t))];
        _oneMegabyte = BenchmarkCorpus.Repeated(1024 * 1024);
        _json = new Utf8JsonWriter(_buffer, ExtractionJson.IndentedOptions);
    }

    [GlobalCleanup]
    public void Cleanup() => _json.Dispose();

    /// <summary>The engine alone.</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkCorpus.BatchSize)]
    public int Extract()
    {
        var meetings = 0;
        foreach (var text in _texts)
        {
            meetings += ReportExtractor.Default.Extract(text).Meetings.Count;
        }

        return meetings;
    }

    /// <summary>The JSON writer alone, reusing one buffer and writer as the CLI does.</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkCorpus.BatchSize)]
    public int SerializeJson()
    {
        var bytes = 0;
        foreach (var extraction in _extractions)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            ExtractionJson.Write(_json, extraction);
            _json.Flush();
            bytes += _buffer.WrittenCount;
        }

        return bytes;
    }

    /// <summary>What the CLI does per report, minus file I/O.</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkCorpus.BatchSize)]
    public int ExtractAndSerialize()
    {
        var bytes = 0;
        foreach (var text in _texts)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            ExtractionJson.Write(_json, ReportExtractor.Default.Extract(text));
            _json.Flush();
            bytes += _buffer.WrittenCount;
        }

        return bytes;
    }

    /// <summary>A 1 MB report (the corpus repeated); the budget is under one second.</summary>
    [Benchmark]
    public int ExtractOneMegabyte() => ReportExtractor.Default.Extract(_oneMegabyte).Meetings.Count;
}
