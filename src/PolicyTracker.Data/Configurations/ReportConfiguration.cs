using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        // Npgsql writes DateOnly/DateTimeOffset.MinValue as -infinity, which date arithmetic refuses
        // ('cannot subtract infinite timestamps'): the inputs refuse such dates, and the table too.
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_reports_entered_at_finite", "isfinite(entered_at)");
            t.HasCheckConstraint("ck_reports_published_finite", "isfinite(published)");
        });
        builder.Property(r => r.Headline).HasMaxLength(1000);
        builder.Property(r => r.Outlet).HasMaxLength(200);
        builder.Property(r => r.SourceUrl).HasMaxLength(2000);
        builder.Property(r => r.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.EnteredBy).HasMaxLength(200);
        builder.Property(r => r.PublishedBy).HasMaxLength(200);
        builder.Property(r => r.ExtractorVersion).HasMaxLength(50);

        // Unfiltered on purpose: a soft-deleted report still owns its text and URL.
        builder.HasIndex(r => r.ContentHash).IsUnique();
        builder.HasIndex(r => r.SourceUrl).IsUnique();
        builder.HasIndex(r => r.Published);
        builder.HasIndex(r => r.Status);

        builder.HasGeneratedTsVectorColumn(r => r.SearchVector, "english", r => new { r.Headline, r.Text })
            .HasIndex(r => r.SearchVector)
            .HasMethod("gin");
    }
}
