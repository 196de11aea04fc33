using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data;

public class PolicyTrackerDbContext(DbContextOptions<PolicyTrackerDbContext> options) : DbContext(options)
{
    public DbSet<Report> Reports => Set<Report>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationAlias> OrganizationAliases => Set<OrganizationAlias>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonAlias> PersonAliases => Set<PersonAlias>();

    public DbSet<PersonTitle> PersonTitles => Set<PersonTitle>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingSource> MeetingSources => Set<MeetingSource>();

    public DbSet<Participation> Participations => Set<Participation>();

    public DbSet<ParticipationSource> ParticipationSources => Set<ParticipationSource>();

    public DbSet<Resolution> Resolutions => Set<Resolution>();

    public DbSet<ResolutionSource> ResolutionSources => Set<ResolutionSource>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentAction> DocumentActions => Set<DocumentAction>();

    public DbSet<DocumentActionSource> DocumentActionSources => Set<DocumentActionSource>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PersonCounts> PersonCounts => Set<PersonCounts>();

    public DbSet<BodyCounts> BodyCounts => Set<BodyCounts>();

    public DbSet<DocumentCounts> DocumentCounts => Set<DocumentCounts>();

    public DbSet<PersonBodyCounts> PersonBodyCounts => Set<PersonBodyCounts>();

    public DbSet<CoAttendanceCounts> CoAttendanceCounts => Set<CoAttendanceCounts>();

    public DbSet<ReportCounts> ReportCounts => Set<ReportCounts>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportItem> ImportItems => Set<ImportItem>();

    public DbSet<Feed> Feeds => Set<Feed>();

    // Brings back a soft-deleted row; the save records an audit entry with action Restored.
    public async Task<bool> RestoreAsync<T>(Guid id, CancellationToken cancellationToken = default)
        where T : Entity
    {
        var entity = await Set<T>().IgnoreQueryFilters().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity?.DeletedAt is null)
        {
            return false;
        }

        entity.DeletedAt = null;
        entity.DeletedBy = null;
        await SaveChangesAsync(cancellationToken);
        return true;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PolicyTrackerDbContext).Assembly);

        foreach (var type in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(Entity).IsAssignableFrom(type))
            {
                modelBuilder.Entity(type).Property(nameof(Entity.Version)).IsRowVersion();
                modelBuilder.Entity(type).Property(nameof(Entity.DeletedBy)).HasMaxLength(200);
                modelBuilder.Entity(type).HasQueryFilter(NotDeleted(type));
            }
        }
    }

    private static LambdaExpression NotDeleted(Type type)
    {
        var row = Expression.Parameter(type, "row");
        var deletedAt = Expression.Property(row, nameof(ISoftDeletable.DeletedAt));
        return Expression.Lambda(Expression.Equal(deletedAt, Expression.Constant(null, typeof(DateTimeOffset?))), row);
    }
}
