using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyTracker.Extraction.Json;

/// <summary>
/// Writes a <see cref="ReportExtraction"/> in the corpus gold schema
/// (<c>{"report":{...},"meetings":[...]}</c>, see <c>shared/corpus/README.md</c>) so that
/// <c>shared/eval/score.py</c> can score it, plus extra fields the app needs (spans, confidence,
/// titles, kinds, verbs) which the scorer ignores.
/// </summary>
/// <remarks>
/// Spans are written as <c>[start, length]</c> in UTF-16 code units of the text as decoded.
/// Output is culture-invariant and deterministic: the same extraction always gives the same bytes.
/// Writing never throws on any extraction: lone surrogates become U+FFFD and non-finite
/// confidences become <c>null</c>, because one odd report must not stop a batch.
/// </remarks>
public static class ExtractionJson
{
    /// <summary>Indented with two spaces and <c>\n</c> line ends on every OS, for files people read and diff.</summary>
    public static JsonWriterOptions IndentedOptions { get; } = CreateOptions(indented: true);

    /// <summary>One line per document, for pipes and bulk storage.</summary>
    public static JsonWriterOptions CompactOptions { get; } = CreateOptions(indented: false);

    // Pre-encoded property names: the writer copies the UTF-8 bytes instead of encoding each time.
    private static readonly JsonEncodedText ReportName = JsonEncodedText.Encode("report");
    private static readonly JsonEncodedText HeadlineName = JsonEncodedText.Encode("headline");
    private static readonly JsonEncodedText OutletName = JsonEncodedText.Encode("outlet");
    private static readonly JsonEncodedText PublishedName = JsonEncodedText.Encode("published");
    private static readonly JsonEncodedText HeadlineSpanName = JsonEncodedText.Encode("headline_span");
    private static readonly JsonEncodedText OutletSpanName = JsonEncodedText.Encode("outlet_span");
    private static readonly JsonEncodedText PublishedSpanName = JsonEncodedText.Encode("published_span");
    private static readonly JsonEncodedText MeetingsName = JsonEncodedText.Encode("meetings");
    private static readonly JsonEncodedText ExtractorVersionName = JsonEncodedText.Encode("extractor_version");
    private static readonly JsonEncodedText BodyName = JsonEncodedText.Encode("body");
    private static readonly JsonEncodedText BodyAliasesName = JsonEncodedText.Encode("body_aliases");
    private static readonly JsonEncodedText SessionName = JsonEncodedText.Encode("session");
    private static readonly JsonEncodedText DateName = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText LocationName = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText ParticipantsName = JsonEncodedText.Encode("participants");
    private static readonly JsonEncodedText ResolutionsName = JsonEncodedText.Encode("resolutions");
    private static readonly JsonEncodedText DocumentsName = JsonEncodedText.Encode("documents");
    private static readonly JsonEncodedText ResolutionDetailsName = JsonEncodedText.Encode("resolution_details");
    private static readonly JsonEncodedText BodySpanName = JsonEncodedText.Encode("body_span");
    private static readonly JsonEncodedText DateSpanName = JsonEncodedText.Encode("date_span");
    private static readonly JsonEncodedText SpanName = JsonEncodedText.Encode("span");
    private static readonly JsonEncodedText ConfidenceName = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText RoleName = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText ActionName = JsonEncodedText.Encode("action");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText VerbName = JsonEncodedText.Encode("verb");
    private static readonly JsonEncodedText IssuedByName = JsonEncodedText.Encode("issued_by");

    /// <summary>
    /// Writes <paramref name="extraction"/> as one JSON object. Does not flush: the caller owns
    /// <paramref name="writer"/> (so a hot loop can <see cref="Utf8JsonWriter.Reset(IBufferWriter{byte})"/> and reuse it).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, ReportExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(extraction);

        writer.WriteStartObject();
        WriteReport(writer, extraction.Report);

        writer.WritePropertyName(MeetingsName);
        writer.WriteStartArray();
        var meetings = extraction.Meetings ?? [];
        for (var i = 0; i < meetings.Count; i++)
        {
            var meeting = meetings[i];
            if (meeting is not null)
            {
                WriteMeeting(writer, meeting);
            }
        }

        writer.WriteEndArray();
        writer.WritePropertyName(ExtractorVersionName);
        WriteText(writer, extraction.ExtractorVersion);
        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="extraction"/> to <paramref name="output"/> and flushes.</summary>
    /// <param name="output">Receives the UTF-8 JSON.</param>
    /// <param name="extraction">What the engine extracted.</param>
    /// <param name="indented">Two-space indentation (default) or one line.</param>
    public static void Write(IBufferWriter<byte> output, ReportExtraction extraction, bool indented = true)
    {
        using var writer = new Utf8JsonWriter(output, indented ? IndentedOptions : CompactOptions);
        Write(writer, extraction);
        writer.Flush();
    }

    /// <summary>Writes <paramref name="extraction"/> to <paramref name="output"/> and flushes; the stream stays open.</summary>
    /// <param name="output">Receives the UTF-8 JSON.</param>
    /// <param name="extraction">What the engine extracted.</param>
    /// <param name="indented">Two-space indentation (default) or one line.</param>
    public static void Write(Stream output, ReportExtraction extraction, bool indented = true)
    {
        using var writer = new Utf8JsonWriter(output, indented ? IndentedOptions : CompactOptions);
        Write(writer, extraction);
        writer.Flush();
    }

    /// <summary>The extraction as UTF-8 JSON bytes.</summary>
    /// <param name="extraction">What the engine extracted.</param>
    /// <param name="indented">Two-space indentation (default) or one line.</param>
    public static byte[] ToUtf8Bytes(ReportExtraction extraction, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Write(buffer, extraction, indented);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The extraction as a JSON string.</summary>
    /// <param name="extraction">What the engine extracted.</param>
    /// <param name="indented">Two-space indentation (default) or one line.</param>
    public static string ToJson(ReportExtraction extraction, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Write(buffer, extraction, indented);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The schema's lowercase name for a role: <c>chair</c>, <c>speaker</c> or <c>attendee</c>.</summary>
    public static string RoleToString(ParticipantRole role) => role switch
    {
        ParticipantRole.Chair => "chair",
        ParticipantRole.Speaker => "speaker",
        ParticipantRole.Attendee => "attendee",
        _ => role.ToString().ToLowerInvariant(),
    };

    /// <summary>The schema's lowercase name for a document action (<c>adopted</c>, <c>approved</c>, ...).</summary>
    public static string ActionToString(DocumentAction action) => action switch
    {
        DocumentAction.Adopted => "adopted",
        DocumentAction.Reviewed => "reviewed",
        DocumentAction.Approved => "approved",
        DocumentAction.Discussed => "discussed",
        DocumentAction.Deliberated => "deliberated",
        DocumentAction.Passed => "passed",
        DocumentAction.Issued => "issued",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static JsonWriterOptions CreateOptions(bool indented) => new()
    {
        Indented = indented,
        NewLine = "\n",
        // The output is data files and stdout, never HTML: keep names like "Nguyễn" readable
        // instead of \u-escaping every non-ASCII letter. Quotes, backslashes and controls are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Well-formedness is guaranteed by construction; skipping validation is measurably faster.
        SkipValidation = true,
    };

    private static void WriteReport(Utf8JsonWriter writer, ReportHeader? report)
    {
        writer.WritePropertyName(ReportName);
        writer.WriteStartObject();
        writer.WritePropertyName(HeadlineName);
        WriteText(writer, report?.Headline);
        writer.WritePropertyName(OutletName);
        WriteText(writer, report?.Outlet);
        writer.WritePropertyName(PublishedName);
        WriteDate(writer, report?.Published);
        writer.WritePropertyName(HeadlineSpanName);
        WriteSpan(writer, report?.HeadlineSpan);
        writer.WritePropertyName(OutletSpanName);
        WriteSpan(writer, report?.OutletSpan);
        writer.WritePropertyName(PublishedSpanName);
        WriteSpan(writer, report?.PublishedSpan);
        writer.WriteEndObject();
    }

    private static void WriteMeeting(Utf8JsonWriter writer, ExtractedMeeting meeting)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(BodyName);
        WriteText(writer, meeting.Body);

        writer.WritePropertyName(BodyAliasesName);
        writer.WriteStartArray();
        // Indexed loops over IReadOnlyList: foreach through the interface boxes an enumerator per
        // list, which was most of the writer's allocation per report.
        var aliases = meeting.BodyAliases ?? [];
        for (var i = 0; i < aliases.Count; i++)
        {
            var alias = aliases[i];
            if (alias is not null)
            {
                WriteText(writer, alias);
            }
        }

        writer.WriteEndArray();

        writer.WritePropertyName(SessionName);
        WriteText(writer, meeting.Session);
        writer.WritePropertyName(DateName);
        WriteDate(writer, meeting.Date);
        writer.WritePropertyName(LocationName);
        WriteText(writer, meeting.Location);

        writer.WritePropertyName(ParticipantsName);
        writer.WriteStartArray();
        var participants = meeting.Participants ?? [];
        for (var i = 0; i < participants.Count; i++)
        {
            var participant = participants[i];
            if (participant is null)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WritePropertyName(NameName);
            WriteText(writer, participant.Name);
            writer.WriteString(RoleName, RoleToString(participant.Role));
            writer.WritePropertyName(TitleName);
            WriteText(writer, participant.TitleAsWritten);
            writer.WritePropertyName(SpanName);
            WriteSpan(writer, participant.Span);
            writer.WritePropertyName(ConfidenceName);
            WriteConfidence(writer, participant.Confidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        // The scorer wants resolutions as plain strings; their spans and verbs go in the parallel
        // resolution_details array (same order, same count) so neither consumer has to compromise.
        writer.WritePropertyName(ResolutionsName);
        writer.WriteStartArray();
        var resolutions = meeting.Resolutions ?? [];
        for (var i = 0; i < resolutions.Count; i++)
        {
            var resolution = resolutions[i];
            if (resolution is not null)
            {
                WriteText(writer, resolution.Text);
            }
        }

        writer.WriteEndArray();

        writer.WritePropertyName(DocumentsName);
        writer.WriteStartArray();
        var documents = meeting.Documents ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (document is null)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WritePropertyName(TitleName);
            WriteText(writer, document.Title);
            writer.WriteString(ActionName, ActionToString(document.Action));
            writer.WritePropertyName(KindName);
            WriteText(writer, document.Kind);
            writer.WritePropertyName(SpanName);
            WriteSpan(writer, document.Span);
            writer.WritePropertyName(ConfidenceName);
            WriteConfidence(writer, document.Confidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WritePropertyName(ResolutionDetailsName);
        writer.WriteStartArray();
        for (var i = 0; i < resolutions.Count; i++)
        {
            var resolution = resolutions[i];
            if (resolution is null)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WritePropertyName(TextName);
            WriteText(writer, resolution.Text);
            writer.WritePropertyName(VerbName);
            WriteText(writer, resolution.Verb);
            writer.WritePropertyName(IssuedByName);
            WriteText(writer, resolution.IssuedBy);
            writer.WritePropertyName(SpanName);
            WriteSpan(writer, resolution.Span);
            writer.WritePropertyName(ConfidenceName);
            WriteConfidence(writer, resolution.Confidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WritePropertyName(BodySpanName);
        WriteSpan(writer, meeting.BodySpan);
        writer.WritePropertyName(DateSpanName);
        WriteSpan(writer, meeting.DateSpan);
        writer.WritePropertyName(SpanName);
        WriteSpan(writer, meeting.Span);
        writer.WritePropertyName(ConfidenceName);
        WriteConfidence(writer, meeting.Confidence);
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string? text)
    {
        if (text is null)
        {
            writer.WriteNullValue();
            return;
        }

        // Utf8JsonWriter throws on lone surrogates; text from the strict UTF-8 decoder never has
        // them, but strings handed to the engine from elsewhere may. The check is a vectorised scan.
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            text = ReplaceLoneSurrogates(text);
        }

        writer.WriteStringValue(text);
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? text : new string(copy);
    }

    private static void WriteDate(Utf8JsonWriter writer, DateOnly? date)
    {
        if (date is not { } value)
        {
            writer.WriteNullValue();
            return;
        }

        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    private static void WriteSpan(Utf8JsonWriter writer, TextSpan? span)
    {
        if (span is not { } value)
        {
            writer.WriteNullValue();
            return;
        }

        // Written raw as "[start, length]" on one line: the writer's indented mode would spread
        // every span over four lines and double the size of a file people read.
        Span<byte> buffer = stackalloc byte[32];
        buffer[0] = (byte)'[';
        value.Start.TryFormat(buffer[1..], out var startLength, default, CultureInfo.InvariantCulture);
        var position = 1 + startLength;
        buffer[position++] = (byte)',';
        buffer[position++] = (byte)' ';
        value.Length.TryFormat(buffer[position..], out var lengthLength, default, CultureInfo.InvariantCulture);
        position += lengthLength;
        buffer[position++] = (byte)']';
        writer.WriteRawValue(buffer[..position], skipInputValidation: true);
    }

    private static void WriteConfidence(Utf8JsonWriter writer, double confidence)
    {
        // JSON has no NaN or Infinity; Utf8JsonWriter would throw.
        if (!double.IsFinite(confidence))
        {
            writer.WriteNullValue();
            return;
        }

        // Four places is far finer than any threshold the app uses, and keeps 0.8999999999999999 out of files.
        writer.WriteNumberValue(Math.Round(confidence, 4));
    }
}
