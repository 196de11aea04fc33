using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class OrganizationAliasConfiguration : IEntityTypeConfiguration<OrganizationAlias>
{
    public void Configure(EntityTypeBuilder<OrganizationAlias> builder)
    {
        builder.Property(a => a.Alias).HasMaxLength(300);
        builder.Property(a => a.AliasKey).HasMaxLength(300).HasComputedColumnSql("lower(alias)", stored: true);
        builder.HasIndex(a => new { a.OrganizationId, a.AliasKey }).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(a => a.AliasKey);
        builder.HasIndex(a => a.Alias).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_organization_aliases_alias_trgm");

        builder.HasOne(a => a.Organization)
            .WithMany(o => o.Aliases)
            .HasForeignKey(a => a.OrganizationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
