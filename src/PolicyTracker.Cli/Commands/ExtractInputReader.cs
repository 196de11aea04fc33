using System.Buffers;
using System.Text;

namespace PolicyTracker.Cli.Commands;

/// <summary>Reads one report file and decides whether it is text the engine should see.</summary>
/// <remarks>
/// The text is returned exactly as decoded (only a leading UTF-8 BOM is dropped), because every span
/// the engine reports indexes this string. Nothing is normalised, trimmed or replaced.
/// </remarks>
internal static class ExtractInputReader
{
    /// <summary>Reports are a few kB; anything this big is a mistake (a dump, a binary), not a report.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    // C0 and C1 controls other than the whitespace ones prose uses.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v')).ToArray());

    // Strict: throws on invalid bytes instead of silently substituting U+FFFD, which would hide
    // a wrong encoding (Latin-1, Windows-1252) and quietly corrupt names.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and checks <paramref name="path"/>; returns the text, or null and the reason.</summary>
    public static string? TryRead(string path, out string? error)
    {
        byte[]? rented = null;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxBytes)
            {
                error = $"larger than 2 MB ({length} bytes)";
                return null;
            }

            // One byte more than the file's length, so a file that grew since GetLength is caught
            // instead of being silently cut short.
            rented = ArrayPool<byte>.Shared.Rent((int)length + 1);
            var total = 0;
            int read;
            while (total < rented.Length && (read = RandomAccess.Read(handle, rented.AsSpan(total), total)) > 0)
            {
                total += read;
            }

            if (total > length)
            {
                error = "unreadable (changed while being read)";
                return null;
            }

            return Decode(rented.AsSpan(0, total), out error);
        }
        catch (FileNotFoundException)
        {
            error = "no such file";
        }
        catch (DirectoryNotFoundException)
        {
            error = "no such file";
        }
        catch (UnauthorizedAccessException)
        {
            error = "unreadable (permission denied)";
        }
        catch (IOException ex)
        {
            error = $"unreadable ({ex.Message})";
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return null;
    }

    /// <summary>Checks and decodes file bytes; returns the text, or null and the reason.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? error)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        // Windows tools still save UTF-16; say so rather than calling it binary for its NUL bytes.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            error = "not valid UTF-8 (UTF-16 byte order mark; convert the file to UTF-8)";
            return null;
        }

        if (bytes.IsEmpty)
        {
            error = "empty";
            return null;
        }

        // NUL never occurs in text files and is the cheapest reliable sign of a binary one.
        if (bytes.Contains((byte)0))
        {
            error = "binary (contains NUL bytes)";
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            error = "not valid UTF-8";
            return null;
        }

        if (text.AsSpan().IsWhiteSpace())
        {
            error = "empty (whitespace only)";
            return null;
        }

        var controls = CountControlCharacters(text);
        // Reports contain no control characters besides line breaks and tabs; past one in ten
        // the file is not prose (a binary that happens to be valid UTF-8, a terminal capture).
        if (controls * 10 > text.Length)
        {
            error = $"binary ({controls * 100 / text.Length}% control characters)";
            return null;
        }

        error = null;
        return text;
    }

    private static int CountControlCharacters(string text)
    {
        // Vectorised scan first: almost every report has none, so the counting loop rarely runs.
        if (text.AsSpan().IndexOfAny(Controls) < 0)
        {
            return 0;
        }

        var count = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                count++;
            }
        }

        return count;
    }
}
