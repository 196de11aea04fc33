using System.Text;

namespace PolicyTracker.Web.Features.Editing;

/// <summary>Uploads in UTF-16 or UTF-32 (what Windows Notepad calls "Unicode") are recognised by their
/// byte-order mark and handed on as UTF-8, the only encoding the report reader takes.</summary>
public static class UploadText
{
    public static byte[] AsUtf8(byte[] bytes)
    {
        (Encoding Encoding, int Preamble)? found = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            _ => null,
        };
        if (found is not { } f)
        {
            return bytes;
        }

        try
        {
            return Encoding.UTF8.GetBytes(f.Encoding.GetString(bytes, f.Preamble, bytes.Length - f.Preamble));
        }
        catch (DecoderFallbackException)
        {
            // Broken UTF-16: left for the reader, which says it is not text.
            return bytes;
        }
    }

    /// <summary>UTF-16 without a byte-order mark: every other byte of a Latin text is NUL.</summary>
    public static bool LooksLikeUtf16WithoutMark(byte[] bytes)
    {
        var sample = Math.Min(bytes.Length, 4096) & ~1;
        if (sample < 8)
        {
            return false;
        }

        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < sample; i += 2)
        {
            evenNuls += bytes[i] == 0 ? 1 : 0;
            oddNuls += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample / 2;
        return (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) || (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05);
    }
}
