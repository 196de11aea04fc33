namespace PolicyTracker.Web.Hosting.Security;

/// <summary>Runs work in a fresh service scope (fresh DbContexts and UserManager, not the circuit-long
/// ones) on behalf of the circuit's user, so audit rows still name who acted and from where.</summary>
public sealed class OnBehalf(IServiceScopeFactory scopes, CurrentUser current)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().CopyFrom(current);
        return await work(scope.ServiceProvider);
    }
}
