using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.IntegrationTests.Security;

/// <summary>The app as deployed: not Development, demo users asked for in configuration all the same.</summary>
public sealed class ProductionFixture : SecurityFixture
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // A build output (not a publish) serves _content/ only with static web assets switched on.
        builder.UseStaticWebAssets();
        builder.UseSetting("Accounts:DemoUsers", "true");
    }
}

public sealed class ProductionTests(ProductionFixture app) : IClassFixture<ProductionFixture>
{
    [Fact]
    public async Task Outside_development_no_demo_user_and_no_default_password_exists()
    {
        var demo = await app.InScopeAsync(s => s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("admin@example.org"));

        demo.ShouldBeNull();
    }

    [Fact]
    public async Task Outside_development_plain_http_still_serves_the_sign_in_form()
    {
        // docker compose serves http://localhost:5080 in Production: the form must still work.
        var response = await app.NewClient().GetAsync("/account/login");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Outside_development_the_sign_in_cookie_is_secure_only()
    {
        var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var response = await SecurityFixture.PostSignInAsync(client, SecurityFixture.EmailOf(Roles.Analyst), SecurityFixture.Password);

        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PolicyTracker.Auth=", StringComparison.Ordinal))
            .ToLowerInvariant().ShouldContain("secure");
    }
}
