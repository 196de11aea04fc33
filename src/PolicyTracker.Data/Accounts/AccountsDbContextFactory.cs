using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolicyTracker.Data.Accounts;

// Used by dotnet-ef only (--context AccountsDbContext).
public sealed class AccountsDbContextFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        var options = new DbContextOptionsBuilder<AccountsDbContext>();
        AccountsDbContext.Configure(
            options,
            string.IsNullOrWhiteSpace(connectionString) ? PolicyTrackerDbContextFactory.DefaultConnectionString : connectionString);
        return new AccountsDbContext(options.Options);
    }
}
