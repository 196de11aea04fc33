using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Data.Import;

// Transaction-scoped advisory locks on what a save reads-then-inserts or recounts, instead of one lock for all.
// Every transaction takes its locks in one global order: phase by phase (names, then the rows they resolved to,
// then the rollup rows), each phase sorted, and the phase is the key's top bits. A transaction that waits holds
// only keys lower than the one it waits for, so no two of them can wait for each other (no deadlock).
internal static class KeyLocks
{
    public enum Phase
    {
        // Normalised names of bodies, people and documents, a text's hash and source URL: what is looked up and created.
        Names = 1,

        // Bodies, people and documents found, and (body, date) of the meetings looked up: the rows then changed.
        Records = 2,

        // Rollup rows recounted after the facts changed (RecordCounts).
        Counts = 3,
    }

    public static async Task LockAsync(PolicyTrackerDbContext db, Phase phase, IEnumerable<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => Key(phase, k)).Distinct().Order().ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        // unnest yields the array in order, and the aggregate takes the locks row by row: sorted.
        await db.Database.ExecuteSqlRawAsync(
            "SELECT count(pg_advisory_xact_lock(k)) FROM unnest(@keys) AS k", [new Npgsql.NpgsqlParameter("keys", ids)], ct);
    }

    // 60 bits of the key's SHA-256 under the phase: keys of different phases never collide and sort by phase first.
    // Two keys of one phase sharing 60 bits only make their transactions wait for each other.
    internal static long Key(Phase phase, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var bits = BinaryPrimitives.ReadInt64LittleEndian(hash) & 0x0FFF_FFFF_FFFF_FFFFL;
        return ((long)phase << 60) | bits;
    }
}
