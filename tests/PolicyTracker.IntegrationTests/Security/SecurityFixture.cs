using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyTracker.Data.Accounts;
using PolicyTracker.TestSupport;

namespace PolicyTracker.IntegrationTests.Security;

/// <summary>The app in memory (an <see cref="AppFactory"/>) on its own <see cref="TestDatabase"/>, with one user
/// per role, all with <see cref="Password"/>. Its password hasher counts verifications (<see cref="Hashing"/>).</summary>
public partial class SecurityFixture : IAsyncLifetime
{
    public const string Password = "test-password-1234";

    private TestDatabase? _database;

    public AppFactory Factory { get; private set; } = null!;

    public string ConnectionString => _database?.ConnectionString ?? "";

    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@test.example";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("pt_security");
        Factory = new AppFactory(_database.ConnectionString, new AppOptions
        {
            DemoUsers = false,
            SignInAttemptsPerMinute = 1000,
            Configure = builder =>
            {
                builder.ConfigureTestServices(CountHashing);
                Configure(builder);
            },
        });
        _ = Factory.Server;
        foreach (var role in Roles.All)
        {
            await CreateUserAsync(EmailOf(role), role);
        }
    }

    public CountingPasswordHasher Hashing => Factory.Services.GetRequiredService<CountingPasswordHasher>();

    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    // Not the library's default iteration count, so anything that hashes with default settings instead of
    // the app's (a dummy hash made with `new PasswordHasher()`) does different work, and the count shows it.
    private static void CountHashing(IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 20_000);
        services.AddSingleton(sp => new CountingPasswordHasher(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));
        services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>()));
    }

    public async Task<string> CreateUserAsync(string email, params string[] roles)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Password, roles);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        return result.UserId!;
    }

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work) => Factory.InScopeAsync(work);

    public HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in with the cookie, through the real sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = NewClient();
        var response = await PostSignInAsync(client, email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Found, $"sign-in of {email} should redirect");
        response.Headers.Location!.ToString().ShouldNotContain("/account/login");
        return client;
    }

    /// <summary>GETs the sign-in form for its antiforgery token, then posts it.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token in the form.");

    public async Task<string> CreateTokenAsync(string email, TimeSpan? lifetime = null)
    {
        return await InScopeAsync(async services =>
        {
            var user = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByEmailAsync(email);
            var created = await services.GetRequiredService<ApiTokens>().CreateAsync(user!.Id, "test", lifetime ?? TimeSpan.FromDays(30));
            return created.Secret;
        });
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

[CollectionDefinition(Name)]
public sealed class SecurityGroup : ICollectionFixture<SecurityFixture>
{
    public const string Name = "security";
}
