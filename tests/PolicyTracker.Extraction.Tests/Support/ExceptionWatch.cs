namespace PolicyTracker.Extraction.Tests.Support;

/// <summary>
/// The exception watch: the engine catches everything to keep its "never throws" promise, which would
/// hide a defect from a test as an empty result. Watching first-chance exceptions of the types only a
/// defect throws, on the extracting thread, finds them anyway, without touching the engine. Every test
/// that claims extraction never throws extracts through <see cref="Extract"/>.
/// </summary>
internal static class ExceptionWatch
{
    private static readonly HashSet<Type> DefectTypes =
    [
        typeof(IndexOutOfRangeException), typeof(ArgumentOutOfRangeException), typeof(ArgumentNullException),
        typeof(ArgumentException), typeof(NullReferenceException), typeof(InvalidOperationException),
        typeof(KeyNotFoundException), typeof(OverflowException), typeof(DivideByZeroException),
        typeof(InvalidCastException), typeof(StackOverflowException), typeof(InsufficientExecutionStackException),
    ];

    [ThreadStatic]
    private static List<Exception>? _defects;

    static ExceptionWatch() => AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
    {
        if (_defects is { } defects && DefectTypes.Contains(e.Exception.GetType()))
        {
            defects.Add(e.Exception);
        }
    };

    /// <summary>Extracts, failing if the engine hit a defect exception on the way, even one it caught.</summary>
    public static ReportExtraction Extract(string? text)
    {
        ReportExtraction? extraction = null;
        var defects = DefectsDuring(() => extraction = ReportExtractor.Default.Extract(text));
        if (defects.Count > 0)
        {
            var first = defects[0];
            throw new InvalidOperationException(
                $"The engine hit {defects.Count} exception(s) while extracting, first {first.GetType().Name}: {first.Message}\n{first.StackTrace}",
                first);
        }

        return extraction!;
    }

    /// <summary>Defect-type exceptions thrown on this thread while <paramref name="action"/> ran, caught or not.</summary>
    public static List<Exception> DefectsDuring(Action action)
    {
        var defects = _defects = [];
        try
        {
            action();
        }
        finally
        {
            _defects = null;
        }

        return defects;
    }
}
