using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class ImportItemConfiguration : IEntityTypeConfiguration<ImportItem>
{
    public void Configure(EntityTypeBuilder<ImportItem> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(2000);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ClaimedBy).HasMaxLength(200);
        builder.Property(i => i.Error).HasMaxLength(4000);
        builder.HasOne(i => i.Job).WithMany(j => j.Items).HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.JobId, i.Position }).IsUnique();
        // Counting a job's items by status, and paging them filtered by status.
        builder.HasIndex(i => new { i.JobId, i.Status, i.Position });
        // Workers look only at items left to do.
        builder.HasIndex(i => new { i.Status, i.LeaseUntil }).HasFilter("status IN ('Pending', 'Running')");
        builder.HasIndex(i => i.ReportId);
    }
}
