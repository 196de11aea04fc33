using System.IO.Compression;
using System.Text;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Import.Jobs;

// One unit of work found in a source: its bytes, or (Error) why it cannot be imported at all.
public sealed record ImportItemDraft(string Name, byte[]? Payload, long Bytes, string? Error = null);

// Splits a folder, zip or JSON Lines file into items. Nothing here stores or judges a report:
// an item that cannot even be read becomes a failed item with its reason, the others go on.
public static class ImportSources
{
    public const int MaxItemBytes = ReportImporter.MaxBytes;

    // A JSON line escapes its text ("\n", "\u00e9"), so it may be longer than the text it carries.
    public const int MaxLineBytes = 3 * ReportImporter.MaxBytes;

    public static ImportSourceKind? Detect(string path)
    {
        if (Directory.Exists(path))
        {
            return ImportSourceKind.Folder;
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".zip" => ImportSourceKind.Zip,
            ".jsonl" or ".ndjson" => ImportSourceKind.JsonLines,
            _ when ReportInput.AcceptedExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()) => ImportSourceKind.Files,
            _ => null,
        };
    }

    public static IEnumerable<ImportItemDraft> Open(ImportSourceKind kind, string path) => kind switch
    {
        ImportSourceKind.Folder => Folder(path),
        ImportSourceKind.Zip => ZipFile(path),
        ImportSourceKind.JsonLines => JsonLinesFile(path),
        ImportSourceKind.Files => [ReadFile(path, Path.GetFileName(path))],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // Every file under the folder, sorted by path; hidden files and folders (".git", ".DS_Store") are skipped.
    public static IEnumerable<ImportItemDraft> Folder(string path)
    {
        var root = Path.GetFullPath(path);
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            yield return ReadFile(Path.Combine(root, relative), relative.Replace(Path.DirectorySeparatorChar, '/'));
        }
    }

    public static ImportItemDraft ReadFile(string path, string name)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxItemBytes)
            {
                return new(name, null, length, TooLarge(name, length));
            }

            var bytes = File.ReadAllBytes(path);
            return new(name, bytes, bytes.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(name, null, 0, $"“{name}” could not be read: {e.Message}");
        }
    }

    public static IEnumerable<ImportItemDraft> ZipFile(string path)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new(Path.GetFileName(path), null, 0, $"“{Path.GetFileName(path)}” could not be read: {e.Message}")];
        }

        return Zip(stream, Path.GetFileName(path), ownsStream: true);
    }

    public static IEnumerable<ImportItemDraft> Zip(Stream stream, string zipName, bool ownsStream = false)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: !ownsStream);
        }
        catch (InvalidDataException e)
        {
            if (ownsStream)
            {
                stream.Dispose();
            }

            return [new(zipName, null, 0, $"“{zipName}” is not a readable zip archive ({e.Message}); nothing in it was imported.")];
        }

        return Entries(archive, zipName);
    }

    private static IEnumerable<ImportItemDraft> Entries(ZipArchive archive, string zipName)
    {
        using (archive)
        {
            foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var name = entry.FullName;
                if (name.EndsWith('/') || name.EndsWith('\\'))
                {
                    continue;
                }

                if (UnsafeEntryName(name))
                {
                    yield return new(name, null, entry.Length,
                        $"“{name}” in {zipName} has an unsafe path (absolute or with “..”); it was refused.");
                    continue;
                }

                if (name.Split('/', '\\').Any(part => part.StartsWith('.') || part == "__MACOSX"))
                {
                    continue;
                }

                yield return ReadEntry(entry, name);
            }
        }
    }

    private static ImportItemDraft ReadEntry(ZipArchiveEntry entry, string name)
    {
        if (entry.Length > MaxItemBytes)
        {
            return new(name, null, entry.Length, TooLarge(name, entry.Length));
        }

        try
        {
            using var input = entry.Open();
            using var buffer = new MemoryStream();
            // The declared size may lie (a zip bomb): never read more than the limit allows.
            var chunk = new byte[81920];
            int read;
            while ((read = input.Read(chunk)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxItemBytes)
                {
                    return new(name, null, buffer.Length, $"“{name}” unpacks to more than 2 MB; the limit is 2 MB.");
                }
            }

            return new(name, buffer.ToArray(), buffer.Length);
        }
        catch (InvalidDataException e)
        {
            return new(name, null, entry.Length, $"“{name}” is damaged in the archive ({e.Message}).");
        }
    }

    private static bool UnsafeEntryName(string name)
    {
        var normalized = name.Replace('\\', '/');
        return normalized.StartsWith('/')
            || (normalized.Length >= 2 && normalized[1] == ':')
            || normalized.Split('/').Any(part => part == "..");
    }

    public static IEnumerable<ImportItemDraft> JsonLinesFile(string path)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new(Path.GetFileName(path), null, 0, $"“{Path.GetFileName(path)}” could not be read: {e.Message}")];
        }

        return JsonLines(stream, ownsStream: true);
    }

    // One item per non-blank line, named "line N" (counting every line, as an editor's editor does).
    public static IEnumerable<ImportItemDraft> JsonLines(Stream stream, bool ownsStream = false)
    {
        try
        {
            var number = 0;
            var line = new MemoryStream();
            var tooLong = false;
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                var start = 0;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n')
                    {
                        continue;
                    }

                    Append(line, buffer.AsSpan(start, i - start), ref tooLong);
                    if (Line(++number, line, tooLong) is { } item)
                    {
                        yield return item;
                    }

                    line.SetLength(0);
                    tooLong = false;
                    start = i + 1;
                }

                Append(line, buffer.AsSpan(start, read - start), ref tooLong);
            }

            if (Line(++number, line, tooLong) is { } last)
            {
                yield return last;
            }
        }
        finally
        {
            if (ownsStream)
            {
                stream.Dispose();
            }
        }
    }

    private static void Append(MemoryStream line, ReadOnlySpan<byte> bytes, ref bool tooLong)
    {
        if (tooLong || line.Length + bytes.Length > MaxLineBytes)
        {
            tooLong = true;
            return;
        }

        line.Write(bytes);
    }

    private static ImportItemDraft? Line(int number, MemoryStream line, bool tooLong)
    {
        var name = $"line {number}";
        if (tooLong)
        {
            return new(name, null, MaxLineBytes, $"Line {number} is longer than {MaxLineBytes / 1048576} MB; a report may be at most 2 MB.");
        }

        var bytes = line.ToArray().AsSpan();
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        if (number == 1 && bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (bytes.Trim((byte)' ').IsEmpty)
        {
            return null;
        }

        return new(name, bytes.ToArray(), bytes.Length);
    }

    private static string TooLarge(string name, long bytes) =>
        $"“{name}” is {bytes / 1048576.0:0.0} MB; the limit is 2 MB.";
}
