using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> builder)
    {
        builder.ToTable("participations");
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.TitleAsWritten).HasMaxLength(300);
        builder.HasIndex(p => new { p.MeetingId, p.Position });
        builder.HasIndex(p => p.PersonId);
        // One record per person per meeting, however many reports name them.
        builder.HasIndex(p => new { p.MeetingId, p.PersonId }).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(p => p.PersonId, "ix_participations_person_id_published").HasFilter("published").HasDatabaseName("ix_participations_person_id_published");

        builder.HasOne(p => p.Meeting)
            .WithMany(m => m.Participations)
            .HasForeignKey(p => p.MeetingId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Person)
            .WithMany(p => p.Participations)
            .HasForeignKey(p => p.PersonId)
            .OnDelete(DeleteBehavior.NoAction);
    }
}
