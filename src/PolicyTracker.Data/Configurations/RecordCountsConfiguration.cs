using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Configurations;

internal sealed class PersonCountsConfiguration : IEntityTypeConfiguration<PersonCounts>
{
    public void Configure(EntityTypeBuilder<PersonCounts> builder)
    {
        builder.ToTable("person_counts");
        builder.HasKey(c => c.PersonId);
        builder.HasOne<Person>().WithOne(p => p.Counts).HasForeignKey<PersonCounts>(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.Meetings);
        builder.HasIndex(c => c.LastMeeting);
    }
}

internal sealed class BodyCountsConfiguration : IEntityTypeConfiguration<BodyCounts>
{
    public void Configure(EntityTypeBuilder<BodyCounts> builder)
    {
        builder.ToTable("body_counts");
        builder.HasKey(c => c.OrganizationId);
        builder.HasOne<Organization>().WithOne(o => o.Counts).HasForeignKey<BodyCounts>(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentCountsConfiguration : IEntityTypeConfiguration<DocumentCounts>
{
    public void Configure(EntityTypeBuilder<DocumentCounts> builder)
    {
        builder.ToTable("document_counts");
        builder.HasKey(c => c.DocumentId);
        builder.HasOne<Document>().WithOne(d => d.Counts).HasForeignKey<DocumentCounts>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        // Documents are the one grid large enough (tens of thousands) to need its count sorts indexed.
        builder.HasIndex(c => new { c.Actions, c.DocumentId });
        builder.HasIndex(c => new { c.FirstAction, c.DocumentId });
        builder.HasIndex(c => new { c.LastAction, c.DocumentId });
    }
}
