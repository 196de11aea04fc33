using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal static class FactSourceMapping
{
    // The columns every source shares: report, span, confidence, extractor, the editor's verdict.
    public static void MapSource<T>(
        this EntityTypeBuilder<T> builder,
        string table,
        Expression<Func<Report, IEnumerable<T>?>>? inverse = null)
        where T : FactSource
    {
        builder.HasOne(e => e.SourceReport)
            .WithMany(inverse)
            .HasForeignKey(e => e.SourceReportId)
            .OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(e => e.SourceReportId);
        // The quality page's "reviewed": who judged which report in a period, index-only instead of a scan of every source.
        builder.HasIndex(e => e.VerdictAt).IncludeProperties(e => new { e.VerdictBy, e.SourceReportId }).HasFilter("verdict_by IS NOT NULL");
        builder.Property(e => e.ExtractorVersion).HasMaxLength(50);
        builder.Property(e => e.Verdict).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.VerdictBy).HasMaxLength(200);
        builder.ToTable(table, t =>
        {
            t.HasCheckConstraint($"ck_{table}_span", "span_start >= 0 AND span_length >= 0");
            t.HasCheckConstraint($"ck_{table}_confidence", "confidence >= 0 AND confidence <= 1");
        });
    }
}

// A fact's sources: one per report, deleted with the fact.
internal abstract class FactSourceConfiguration<TFact, TSource>(string table) : IEntityTypeConfiguration<TSource>
    where TFact : Fact<TSource>
    where TSource : FactSource<TFact>
{
    public void Configure(EntityTypeBuilder<TSource> builder)
    {
        builder.MapSource(table);
        builder.HasIndex(s => new { s.FactId, s.SourceReportId }).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasOne(s => s.Fact)
            .WithMany(f => f.Sources)
            .HasForeignKey(s => s.FactId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ParticipationSourceConfiguration() : FactSourceConfiguration<Participation, ParticipationSource>("participation_sources");

internal sealed class ResolutionSourceConfiguration() : FactSourceConfiguration<Resolution, ResolutionSource>("resolution_sources");

internal sealed class DocumentActionSourceConfiguration() : FactSourceConfiguration<DocumentAction, DocumentActionSource>("document_action_sources");
