using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Source).HasMaxLength(2000);
        builder.Property(j => j.CreatedBy).HasMaxLength(200);
        builder.HasIndex(j => j.CreatedAt);
        builder.HasIndex(j => j.Status);
        builder.HasOne(j => j.Feed).WithMany().HasForeignKey(j => j.FeedId).OnDelete(DeleteBehavior.Restrict);
    }
}
