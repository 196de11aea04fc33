using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PolicyTracker.Data.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>Identity stores on the accounts schema, with the rules shared by the web app and the CLI.
    /// The web app adds sign-in and cookies on top of the returned builder.</summary>
    public static IdentityBuilder AddPolicyTrackerAccounts(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<AccountsDbContext>(options => AccountsDbContext.Configure(options, connectionString));
        services.TryAddSingleton<IUserSessionRevoker, NoSessions>();
        services.TryAddScoped<AccountAudit>();
        services.TryAddScoped<UserAccounts>();
        services.TryAddScoped<ApiTokens>();
        return services
            .AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>();
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
