using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(1000);
        builder.Property(d => d.NormalizedTitle).HasMaxLength(1000);
        builder.Property(d => d.Kind).HasMaxLength(50);
        builder.Property(d => d.Topics).HasDefaultValueSql("'{}'::text[]");
        builder.Property(d => d.TopicsHash).HasMaxLength(16);
        builder.HasIndex(d => d.Topics).HasMethod("gin");
        builder.HasIndex(d => d.NormalizedTitle).IsUnique().HasFilter("deleted_at IS NULL");
        // The documents grid's default order, read in index order a page at a time.
        builder.HasIndex(d => new { d.Title, d.Id }).HasDatabaseName("ix_documents_title_id");
        builder.HasIndex(d => d.Title).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_documents_title_trgm");

        builder.HasGeneratedTsVectorColumn(d => d.SearchVector, "english", d => new { d.Title })
            .HasIndex(d => d.SearchVector)
            .HasMethod("gin");
    }
}
