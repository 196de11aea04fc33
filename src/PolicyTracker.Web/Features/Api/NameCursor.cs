using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace PolicyTracker.Web.Features.Api;

/// <summary>The keyset position after the last row of a page of people, bodies or documents (its name or title
/// and id), with the sort and the filters' hash, as <see cref="MeetingCursor"/> does for meetings.</summary>
public sealed record NameCursor(bool Descending, string Name, Guid Id, string Filter)
{
    public string Encode() => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(this));

    public static NameCursor? Decode(string raw)
    {
        try
        {
            return JsonSerializer.Deserialize<NameCursor>(WebEncoders.Base64UrlDecode(raw)) is { Name: not null } cursor ? cursor : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
