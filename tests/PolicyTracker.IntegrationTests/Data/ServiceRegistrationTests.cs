using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Data;

[Collection(DatabaseTestGroup.Name)]
public sealed class ServiceRegistrationTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task AddPolicyTrackerData_provides_a_factory_a_context_an_importer_and_the_system_user_by_default()
    {
        var services = new ServiceCollection().AddPolicyTrackerData(fixture.ConnectionString);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = provider.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<ICurrentUser>().Name.ShouldBe("system");
        scope.ServiceProvider.GetRequiredService<TimeProvider>().ShouldBe(TimeProvider.System);
        scope.ServiceProvider.GetRequiredService<ReportImporter>().ShouldNotBeNull();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
        (await db.Database.CanConnectAsync()).ShouldBeTrue();
        scope.ServiceProvider.GetRequiredService<PolicyTrackerDbContext>().ShouldNotBeNull();
    }
}
