using System.Globalization;
using CsvHelper;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>CSV downloads for the export endpoints: every cell already formatted as text (ISO dates,
/// invariant numbers), and cells a spreadsheet would run as formulas escaped.</summary>
public static class CsvFile
{
    public static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static async Task<IResult> WriteAsync(string fileName, string[] header, IEnumerable<string?[]> rows, CancellationToken ct)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            await csv.WriteRecordAsync(header, ct);
            foreach (var row in rows)
            {
                await csv.WriteRecordAsync(Array.ConvertAll(row, cell => cell ?? ""), ct);
            }
            await csv.FlushAsync(ct);
        }
        return TypedResults.File(new System.Text.UTF8Encoding(false).GetBytes(text.ToString()), "text/csv; charset=utf-8", fileName);
    }

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
