using System.Globalization;
using System.Text;
using CsvHelper;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>CSV downloads for the export endpoints: UTF-8 with a byte-order mark (so Excel reads accents right),
/// every cell already formatted as text (ISO dates, invariant numbers), and cells a spreadsheet would run as
/// formulas escaped. Rows are written to the
/// response as the query yields them, so an export of the whole archive holds one row in memory.</summary>
public static class CsvFile
{
    /// <summary>UTF-8 that writes its byte-order mark first: Excel takes a CSV without one for the local code page.</summary>
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>A result that streams <paramref name="rows"/> (typically <c>query.AsAsyncEnumerable()</c>)
    /// row by row; the query runs when the response is written, after the filters were checked.</summary>
    public static IResult Stream<T>(string fileName, string[] header, IAsyncEnumerable<T> rows, Func<T, string?[]> cells) =>
        new CsvStream<T>(fileName, header, rows, cells);

    /// <summary>A small, already computed table (the summary's months) as CSV.</summary>
    public static Task<IResult> WriteAsync(string fileName, string[] header, IEnumerable<string?[]> rows, CancellationToken ct) =>
        Task.FromResult(Stream(fileName, header, ToAsync(rows, ct), row => row));

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static async IAsyncEnumerable<string?[]> ToAsync(IEnumerable<string?[]> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
        await Task.CompletedTask;
    }

    private sealed class CsvStream<T>(string fileName, string[] header, IAsyncEnumerable<T> rows, Func<T, string?[]> cells) : IResult
    {
        // Flushed to the client every so many rows: the download starts at once and the buffers stay small.
        private const int FlushEvery = 500;

        public async Task ExecuteAsync(HttpContext context)
        {
            var ct = context.RequestAborted;
            // The first row is read before anything is written: a database that is down fails the request
            // here, while the error handler can still answer it, instead of cutting a started download.
            await using var rowsLeft = rows.GetAsyncEnumerator(ct);
            var any = await rowsLeft.MoveNextAsync();
            context.Response.ContentType = "text/csv; charset=utf-8";
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            context.Response.Headers.ContentDisposition = disposition.ToString();
            // Kestrel forbids synchronous writes: every write and the final flush below are asynchronous.
            await using var text = new StreamWriter(context.Response.Body, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
            await using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
            {
                await csv.WriteRecordAsync(header, ct);
                var written = 0;
                for (var more = any; more; more = await rowsLeft.MoveNextAsync())
                {
                    await csv.WriteRecordAsync(Array.ConvertAll(cells(rowsLeft.Current), cell => cell ?? ""), ct);
                    if (++written % FlushEvery == 0)
                    {
                        await csv.FlushAsync(ct);
                        await text.FlushAsync(ct);
                    }
                }
                await csv.FlushAsync(ct);
            }
            await text.FlushAsync(ct);
        }
    }
}
