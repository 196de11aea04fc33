using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class MeetingSourceConfiguration : IEntityTypeConfiguration<MeetingSource>
{
    public void Configure(EntityTypeBuilder<MeetingSource> builder)
    {
        builder.MapSource("meeting_sources", r => r.MeetingSources);
        builder.HasIndex(s => new { s.MeetingId, s.SourceReportId }).IsUnique().HasFilter("deleted_at IS NULL");

        // History and trash read a meeting's sources including the deleted ones, which the partial index above cannot serve.
        builder.HasIndex(s => s.MeetingId);
        // The column default serves rows written outside EF; EF always writes the value itself (its CLR default
        // is the same 'Extracted', which EF would otherwise warn could never be told from "not set").
        builder.Property(s => s.BodyVerdict).HasConversion<string>().HasMaxLength(20).HasDefaultValueSql("'Extracted'").ValueGeneratedNever();
        builder.Property(s => s.DateVerdict).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ChairVerdict).HasConversion<string>().HasMaxLength(20);

        builder.HasOne(s => s.Meeting)
            .WithMany(m => m.Sources)
            .HasForeignKey(s => s.MeetingId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
