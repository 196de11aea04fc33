using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;
using Xunit.Abstractions;

namespace PolicyTracker.IntegrationTests.Security;

/// <summary>Sign-in reveals nothing about which accounts exist, weak passwords are refused, and a
/// disabled user's API tokens stay dead when the account is enabled again.</summary>
[Collection(SecurityGroup.Name)]
public sealed partial class SignInSecrecyTests(SecurityFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Unknown_known_and_disabled_accounts_get_the_same_answer()
    {
        var known = $"known-{Guid.NewGuid():N}@test.example";
        await app.CreateUserAsync(known, Roles.Analyst);
        var disabled = $"disabled-{Guid.NewGuid():N}@test.example";
        var disabledId = await app.CreateUserAsync(disabled, Roles.Analyst);
        await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(disabledId, disabled: true));

        var answers = new List<string>();
        foreach (var (email, password) in new[] { (known, "wrong-password-123"), ($"nobody-{Guid.NewGuid():N}@test.example", "wrong-password-123"), (disabled, SecurityFixture.Password) })
        {
            var response = await SecurityFixture.PostSignInAsync(app.NewClient(), email, password);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            answers.Add(ErrorMessage().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        }

        answers.Distinct().Count().ShouldBe(1, string.Join(" | ", answers));
        answers[0].ShouldContain("Wrong email or password");
    }

    // Timing the answers on a shared machine measured the load more than the sign-in; the cost that timing would
    // reveal is the password hashing, so count it: every answer must do exactly the work a real check does.
    // The wall-clock figure is printed by `PolicyTracker.Benchmarks --sign-in-timing` (docs/benchmarks.md).
    [Fact]
    public async Task Every_sign_in_does_one_password_check_of_the_same_cost_whether_or_not_the_account_exists()
    {
        var known = $"known-{Guid.NewGuid():N}@test.example";
        await app.CreateUserAsync(known, Roles.Analyst);
        var disabled = $"disabled-{Guid.NewGuid():N}@test.example";
        var disabledId = await app.CreateUserAsync(disabled, Roles.Analyst);
        await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(disabledId, disabled: true));
        var locked = $"locked-{Guid.NewGuid():N}@test.example";
        await app.CreateUserAsync(locked, Roles.Analyst);
        var invited = $"invited-{Guid.NewGuid():N}@test.example";
        var invitation = await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync(invited, null, [Roles.Analyst]));
        invitation.Succeeded.ShouldBeTrue(string.Join("; ", invitation.Errors));
        var stored = await app.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(locked);
            (await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddHours(1))).Succeeded.ShouldBeTrue();
            return (await users.FindByEmailAsync(known))!.PasswordHash!;
        });
        var realCheck = CountingPasswordHasher.Cost(stored);

        var costs = new List<string>();
        foreach (var (account, email, password) in new[]
        {
            ("known, wrong password", known, "wrong-password-123"),
            ("unknown", $"nobody-{Guid.NewGuid():N}@test.example", "wrong-password-123"),
            ("disabled, right password", disabled, SecurityFixture.Password),
            ("locked out, right password", locked, SecurityFixture.Password),
            ("invited, no password yet", invited, "wrong-password-123"),
            ("known, right password", known, SecurityFixture.Password),
        })
        {
            var checks = await app.Hashing.DuringAsync(() => SecurityFixture.PostSignInAsync(app.NewClient(), email, password));
            costs.Add($"{account}: {string.Join(" + ", checks)}");
            checks.ShouldBe([realCheck], account);
        }

        output.WriteLine(string.Join('\n', costs));
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("password1234")]
    [InlineData("Qwertyuiop123")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    public async Task A_common_password_is_refused_with_a_reason(string password)
    {
        var result = await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync($"weak-{Guid.NewGuid():N}@test.example", password, [Roles.Analyst]));

        result.Succeeded.ShouldBeFalse();
        string.Join(" ", result.Errors).ShouldContain("too easy to guess");
    }

    [Fact]
    public async Task Disabling_a_user_revokes_their_api_tokens_for_good()
    {
        var email = $"tokens-{Guid.NewGuid():N}@test.example";
        var id = await app.CreateUserAsync(email, Roles.Analyst);
        var secret = await app.CreateTokenAsync(email);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(id, disabled: true));
        await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(id, disabled: false));

        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var tokens = await app.InScopeAsync(s => s.GetRequiredService<ApiTokens>().ListAsync(id));
        tokens.ShouldAllBe(t => t.RevokedAt != null);
    }

    [GeneratedRegex("data-testid=\"sign-in-error\">([^<]*)<")]
    private static partial Regex ErrorMessage();
}

public sealed class ProxyHeaderTests
{
    [Fact]
    public void Forwarded_headers_are_read_from_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:ForwardedHeaders:Enabled"] = "true",
            ["Security:ForwardedHeaders:ForwardLimit"] = "2",
            ["Security:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["Security:ForwardedHeaders:KnownNetworks:0"] = "172.16.0.0/12",
        }).Build();
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();

        PolicyTracker.Web.Hosting.Security.ProxyHeaders.Configure(options, configuration);

        PolicyTracker.Web.Hosting.Security.ProxyHeaders.Enabled(configuration).ShouldBeTrue();
        options.ForwardLimit.ShouldBe(2);
        options.KnownProxies.ShouldContain(System.Net.IPAddress.Parse("10.0.0.5"));
        options.KnownIPNetworks.ShouldContain(System.Net.IPNetwork.Parse("172.16.0.0/12"));
    }
}
