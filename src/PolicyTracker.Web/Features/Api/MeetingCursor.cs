using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace PolicyTracker.Web.Features.Api;

/// <summary>The keyset position after the last row of a page (its date and id), with the sort and a hash of the
/// filters it was made for, so a cursor replayed with other filters is refused rather than silently wrong.</summary>
public sealed record MeetingCursor(bool Descending, DateOnly? Date, Guid Id, string Filter)
{
    public string Encode() => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(this));

    public static MeetingCursor? Decode(string raw)
    {
        try
        {
            return JsonSerializer.Deserialize<MeetingCursor>(WebEncoders.Base64UrlDecode(raw));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public static string Hash(string filters) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(filters)))[..16];
}
