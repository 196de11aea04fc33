using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class PersonTitleConfiguration : IEntityTypeConfiguration<PersonTitle>
{
    public void Configure(EntityTypeBuilder<PersonTitle> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.HasIndex(t => new { t.PersonId, t.Title });

        builder.HasOne(t => t.Person)
            .WithMany(p => p.Titles)
            .HasForeignKey(t => t.PersonId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.SourceReport)
            .WithMany()
            .HasForeignKey(t => t.SourceReportId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
