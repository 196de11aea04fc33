using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolicyTracker.Data;

// Used by dotnet-ef only; the apps build their contexts through AddPolicyTrackerData.
public sealed class PolicyTrackerDbContextFactory : IDesignTimeDbContextFactory<PolicyTrackerDbContext>
{
    public const string DefaultConnectionString = "Host=localhost;Port=5432;Database=policytracker;Username=postgres";

    public PolicyTrackerDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        var options = new DbContextOptionsBuilder<PolicyTrackerDbContext>();
        DataServiceCollectionExtensions.Configure(
            options,
            string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);
        return new PolicyTrackerDbContext(options.Options);
    }
}
