using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class FeedConfiguration : IEntityTypeConfiguration<Feed>
{
    public void Configure(EntityTypeBuilder<Feed> builder)
    {
        builder.Property(f => f.Url).HasMaxLength(2000);
        builder.Property(f => f.Title).HasMaxLength(500);
        builder.Property(f => f.CreatedBy).HasMaxLength(200);
        builder.Property(f => f.LastError).HasMaxLength(4000);
        builder.HasIndex(f => f.Url).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(f => f.NextPollAt).HasFilter("deleted_at IS NULL AND NOT paused");
    }
}
