using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> builder)
    {
        builder.ToTable("resolutions");
        builder.Property(r => r.TextKey).HasMaxLength(4000);
        builder.Property(r => r.Verb).HasMaxLength(100);
        builder.Property(r => r.IssuedBy).HasMaxLength(300);
        builder.HasIndex(r => new { r.MeetingId, r.Position });
        builder.Property(r => r.Topics).HasDefaultValueSql("'{}'::text[]");
        builder.Property(r => r.TopicsHash).HasMaxLength(16);
        builder.HasIndex(r => r.Topics).HasMethod("gin");

        builder.HasGeneratedTsVectorColumn(r => r.SearchVector, "english", r => new { r.Text })
            .HasIndex(r => r.SearchVector)
            .HasMethod("gin");

        builder.HasOne(r => r.Meeting)
            .WithMany(m => m.Resolutions)
            .HasForeignKey(r => r.MeetingId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.IssuedByPerson)
            .WithMany()
            .HasForeignKey(r => r.IssuedByPersonId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
