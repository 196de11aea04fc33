using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_meetings_date_finite", "isfinite(date)"));
        builder.Property(m => m.Session).HasMaxLength(500);
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.HasIndex(m => new { m.OrganizationId, m.Date });
        builder.HasIndex(m => m.Date);
        // The meetings grid pages through published meetings by (date, id).
        builder.HasIndex(m => new { m.Date, m.Id }, "ix_meetings_date_published").HasFilter("published").HasDatabaseName("ix_meetings_date_published");
        builder.Property(m => m.Topics).HasDefaultValueSql("'{}'::text[]");
        // The topic filter and the summary's topic trend read published meetings by topic (topics @> ARRAY[...]).
        builder.HasIndex(m => m.Topics, "ix_meetings_topics_published").HasMethod("gin").HasFilter("published").HasDatabaseName("ix_meetings_topics_published");

        builder.HasOne(m => m.Organization)
            .WithMany(o => o.Meetings)
            .HasForeignKey(m => m.OrganizationId)
            .OnDelete(DeleteBehavior.NoAction);
    }
}
