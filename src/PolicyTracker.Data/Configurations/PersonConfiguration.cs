using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.NameKey).HasMaxLength(300).HasComputedColumnSql("lower(name)", stored: true);
        // Not unique: two people may share a name, and an editor must be able to split them.
        builder.HasIndex(p => p.NameKey);
        builder.HasIndex(p => p.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_people_name_trgm");
    }
}
