using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class DocumentActionConfiguration : IEntityTypeConfiguration<DocumentAction>
{
    public void Configure(EntityTypeBuilder<DocumentAction> builder)
    {
        builder.ToTable("document_actions");
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => a.DocumentId);
        builder.HasIndex(a => new { a.MeetingId, a.DocumentId, a.Action }).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(a => new { a.MeetingId, a.Position });

        builder.HasOne(a => a.Document)
            .WithMany(d => d.Actions)
            .HasForeignKey(a => a.DocumentId)
            .OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(a => a.Meeting)
            .WithMany(m => m.DocumentActions)
            .HasForeignKey(a => a.MeetingId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
