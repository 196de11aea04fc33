using System.Globalization;
using System.Text.Json;

namespace PolicyTracker.Extraction.Json;

/// <summary>A report as the corpus gold schema describes it: what the scorer compares, without spans.</summary>
/// <param name="Report">Headline, outlet and publication date.</param>
/// <param name="Meetings">The meetings the report describes.</param>
/// <param name="ExtractorVersion">The engine version, when the file was written by <see cref="ExtractionJson"/>.</param>
public sealed record CorpusReport(CorpusHeader Report, IReadOnlyList<CorpusMeeting> Meetings, string? ExtractorVersion);

/// <summary>The <c>report</c> object of the gold schema.</summary>
/// <param name="Headline">The headline.</param>
/// <param name="Outlet">The news outlet.</param>
/// <param name="Published">The report's own date.</param>
public sealed record CorpusHeader(string? Headline, string? Outlet, DateOnly? Published);

/// <summary>One meeting of the gold schema.</summary>
/// <param name="Body">Short canonical name of the body that met.</param>
/// <param name="BodyAliases">Other names that count as the same body.</param>
/// <param name="Session">The session as the report names it.</param>
/// <param name="Date">The day the meeting was held.</param>
/// <param name="Location">Where it was held.</param>
/// <param name="Participants">People named as present.</param>
/// <param name="Resolutions">Directive clauses, without the verb.</param>
/// <param name="Documents">Documents the meeting acted on.</param>
public sealed record CorpusMeeting(
    string? Body,
    IReadOnlyList<string> BodyAliases,
    string? Session,
    DateOnly? Date,
    string? Location,
    IReadOnlyList<CorpusParticipant> Participants,
    IReadOnlyList<string> Resolutions,
    IReadOnlyList<CorpusDocument> Documents);

/// <summary>A participant of the gold schema.</summary>
/// <param name="Name">Name without titles.</param>
/// <param name="Role">The role, or null when absent or not one the schema knows.</param>
public sealed record CorpusParticipant(string Name, ParticipantRole? Role);

/// <summary>A document of the gold schema.</summary>
/// <param name="Title">Title-like phrase.</param>
/// <param name="Action">The action, or null when absent or not one the schema knows.</param>
public sealed record CorpusDocument(string Title, DocumentAction? Action);

/// <summary>Reads gold-schema JSON (corpus <c>*.gold.json</c> files, or <see cref="ExtractionJson"/> output) into <see cref="CorpusReport"/>.</summary>
/// <remarks>Lenient like the scorer: missing fields read as null or empty, extra fields are ignored,
/// a participant or document given as a bare string is accepted. Only malformed JSON, or a top
/// level that is not an object, throws.</remarks>
public static class CorpusJson
{
    // Stands in for a missing or mistyped array so every loop below is a plain foreach.
    private static readonly JsonElement EmptyArray = JsonElement.Parse("[]");

    /// <summary>Parses UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The input is not JSON, or its top level is not an object.</exception>
    public static CorpusReport Read(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return Read(document.RootElement);
    }

    /// <summary>Parses a JSON string.</summary>
    /// <exception cref="JsonException">The input is not JSON, or its top level is not an object.</exception>
    public static CorpusReport Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    /// <summary>Reads a parsed document's root.</summary>
    /// <exception cref="JsonException">The element is not an object.</exception>
    public static CorpusReport Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object at the top level, found {root.ValueKind}.");
        }

        var report = Property(root, "report");
        var header = new CorpusHeader(
            String(report, "headline"),
            String(report, "outlet"),
            Date(report, "published"));

        var meetings = new List<CorpusMeeting>();
        foreach (var meeting in Array(root, "meetings"))
        {
            if (meeting.ValueKind == JsonValueKind.Object)
            {
                meetings.Add(ReadMeeting(meeting));
            }
        }

        return new CorpusReport(header, meetings, String(root, "extractor_version"));
    }

    /// <summary>Parses the schema's lowercase role name; null when unknown.</summary>
    public static ParticipantRole? ParseRole(string? role) => role switch
    {
        "chair" => ParticipantRole.Chair,
        "speaker" => ParticipantRole.Speaker,
        "attendee" => ParticipantRole.Attendee,
        _ => null,
    };

    /// <summary>Parses the schema's lowercase document action; null when unknown.</summary>
    public static DocumentAction? ParseAction(string? action) => action switch
    {
        "adopted" => DocumentAction.Adopted,
        "reviewed" => DocumentAction.Reviewed,
        "approved" => DocumentAction.Approved,
        "discussed" => DocumentAction.Discussed,
        "deliberated" => DocumentAction.Deliberated,
        "passed" => DocumentAction.Passed,
        "issued" => DocumentAction.Issued,
        _ => null,
    };

    private static CorpusMeeting ReadMeeting(JsonElement meeting)
    {
        var aliases = new List<string>();
        foreach (var alias in Array(meeting, "body_aliases"))
        {
            if (alias.ValueKind == JsonValueKind.String)
            {
                aliases.Add(alias.GetString()!);
            }
        }

        var participants = new List<CorpusParticipant>();
        foreach (var participant in Array(meeting, "participants"))
        {
            if (participant.ValueKind == JsonValueKind.String)
            {
                participants.Add(new CorpusParticipant(participant.GetString()!, null));
            }
            else if (String(participant, "name") is { } name)
            {
                participants.Add(new CorpusParticipant(name, ParseRole(String(participant, "role"))));
            }
        }

        var resolutions = new List<string>();
        foreach (var resolution in Array(meeting, "resolutions"))
        {
            if (resolution.ValueKind == JsonValueKind.String)
            {
                resolutions.Add(resolution.GetString()!);
            }
        }

        var documents = new List<CorpusDocument>();
        foreach (var document in Array(meeting, "documents"))
        {
            if (document.ValueKind == JsonValueKind.String)
            {
                documents.Add(new CorpusDocument(document.GetString()!, null));
            }
            else if (String(document, "title") is { } title)
            {
                documents.Add(new CorpusDocument(title, ParseAction(String(document, "action"))));
            }
        }

        return new CorpusMeeting(
            String(meeting, "body"),
            aliases,
            String(meeting, "session"),
            Date(meeting, "date"),
            String(meeting, "location"),
            participants,
            resolutions,
            documents);
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static DateOnly? Date(JsonElement element, string name) =>
        DateOnly.TryParseExact(String(element, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string name) =>
        (Property(element, name) is { ValueKind: JsonValueKind.Array } value ? value : EmptyArray).EnumerateArray();
}
