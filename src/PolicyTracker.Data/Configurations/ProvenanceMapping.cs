using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal static class ProvenanceMapping
{
    // The columns every extracted record shares: source report, span, confidence, verification.
    public static void MapProvenance<T>(
        this EntityTypeBuilder<T> builder,
        string table,
        Expression<Func<Report, IEnumerable<T>?>>? inverse = null)
        where T : ExtractedRecord
    {
        builder.HasOne(e => e.SourceReport)
            .WithMany(inverse)
            .HasForeignKey(e => e.SourceReportId)
            .OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(e => e.SourceReportId);
        builder.Property(e => e.VerifiedBy).HasMaxLength(200);
        builder.ToTable(table, t =>
        {
            t.HasCheckConstraint($"ck_{table}_span", "span_start >= 0 AND span_length >= 0");
            t.HasCheckConstraint($"ck_{table}_confidence", "confidence >= 0 AND confidence <= 1");
        });
    }
}
