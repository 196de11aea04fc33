using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PolicyTracker.Web.Features.Exports;

/// <summary>One sheet of a workbook: its name, header and rows, each cell a string, an int or a date (or null).</summary>
public sealed record WorkbookSheet(string Name, string[] Header, IAsyncEnumerable<object?[]> Rows);

/// <summary>An .xlsx written with the Open XML SDK's streaming writer, row by row into a temporary file (a zip
/// package cannot be written to a network stream), then sent. Strings are inline, never formulas, so a cell
/// starting with "=" stays text; dates are real dates shown as yyyy-mm-dd.</summary>
public static class Workbook
{
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    public static async Task WriteAsync(Stream target, IReadOnlyList<WorkbookSheet> sheets, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
                {
                    var workbookPart = document.AddWorkbookPart();
                    var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
                    styles.Stylesheet = Stylesheet();
                    var sheetList = new Sheets();
                    uint sheetId = 1;
                    foreach (var sheet in sheets)
                    {
                        var part = workbookPart.AddNewPart<WorksheetPart>();
                        await WriteSheetAsync(part, sheet, ct);
                        sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
                    }
                    workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(sheetList);
                }
                file.Position = 0;
                await file.CopyToAsync(target, ct);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task WriteSheetAsync(WorksheetPart part, WorkbookSheet sheet, CancellationToken ct)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        // The header row stays in view while scrolling.
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
        writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, sheet.Header, HeaderStyle);
        await foreach (var row in sheet.Rows.WithCancellation(ct))
        {
            WriteRow(writer, row, null);
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] cells, uint? style)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            switch (value)
            {
                case null:
                    writer.WriteElement(new Cell());
                    break;
                case int n:
                    writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) });
                    break;
                case DateOnly d:
                    writer.WriteElement(new Cell { StyleIndex = DateStyle, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()) });
                    break;
                default:
                    writer.WriteElement(new Cell
                    {
                        DataType = CellValues.InlineString,
                        StyleIndex = style,
                        InlineString = new InlineString(new Text(Clean(value.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                    break;
            }
        }
        writer.WriteEndElement();
    }

    // XML 1.0 cannot carry most control characters; a report's text may hold one.
    private static string Clean(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')) ? new string([.. text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r')]) : text;

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true })
        { Count = 3 });
}
