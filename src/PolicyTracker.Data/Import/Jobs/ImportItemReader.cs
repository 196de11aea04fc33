using System.Globalization;
using System.Text.Json;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Import.Jobs;

// An item's bytes as the request the new-report form would make, or why they are not a report.
// Files go through ReportInput (the upload path); JSON lines carry the form's fields themselves.
public static class ImportItemReader
{
    public sealed record Read(ImportRequest? Request, string? Error);

    public static Read ToRequest(ImportSourceKind kind, string name, byte[] payload, DateOnly today)
    {
        if (kind == ImportSourceKind.JsonLines)
        {
            return FromJsonLine(name, payload, today);
        }

        var (text, error) = ReportInput.DecodeFile(name, payload);
        if (text is null)
        {
            return new(null, error);
        }

        if (!ReportInput.IsHtmlFile(name))
        {
            // The importer takes headline, outlet and date from the text, as the form's first guess does.
            return string.IsNullOrWhiteSpace(text) ? new(null, $"“{name}” is empty.") : new(new ImportRequest(text), null);
        }

        var html = ReportInput.FromHtml(text);
        return html.Input is null ? new(null, $"“{name}”: {html.Error}") : Checked(name, html.Input, today);
    }

    private static Read FromJsonLine(string name, byte[] payload, DateOnly today)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(payload);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return new(null, $"{Capital(name)} is not valid JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new(null, $"{Capital(name)} is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object with a \"text\".");
        }

        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return new(null, $"{Capital(name)}: \"{property.Name}\" must be a string.");
            }

            fields[property.Name] = property.Value.GetString();
        }

        if (fields.GetValueOrDefault("text") is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return new(null, $"{Capital(name)} has no \"text\" (the report itself).");
        }

        var input = new ReportDraftInput
        {
            Text = text,
            Headline = Blank(fields.GetValueOrDefault("headline")),
            Outlet = Blank(fields.GetValueOrDefault("outlet")),
            SourceUrl = Blank(fields.GetValueOrDefault("url")),
        };
        if (Blank(fields.GetValueOrDefault("published")) is { } published)
        {
            if (ParseDate(published) is not { } date)
            {
                return new(null, $"{Capital(name)}: \"published\" is “{published}”, not a date (2024-01-31 or an ISO 8601 time).");
            }

            input.Published = date;
        }

        return Checked(name, input, today);
    }

    // The form's own checks: future dates, overlong headlines, addresses that are not http(s).
    private static Read Checked(string name, ReportDraftInput input, DateOnly today)
    {
        var errors = ReportInput.Validate(input, today);
        if (errors.Count > 0)
        {
            return new(null, $"{Capital(name)}: " + string.Join(" ", errors.Values));
        }

        return new(new ImportRequest(input.Text)
        {
            Headline = input.Headline,
            Outlet = input.Outlet,
            Published = input.Published,
            SourceUrl = input.SourceUrl,
        }, null);
    }

    private static DateOnly? ParseDate(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && at.Year >= 1900 ? DateOnly.FromDateTime(at.UtcDateTime) : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Capital(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
