using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.NameKey).HasMaxLength(300).HasComputedColumnSql("lower(name)", stored: true);
        builder.HasIndex(o => o.NameKey).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(o => o.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_organizations_name_trgm");

        builder.HasOne(o => o.Parent)
            .WithMany(o => o.Children)
            .HasForeignKey(o => o.ParentId)
            .OnDelete(DeleteBehavior.NoAction);
    }
}
