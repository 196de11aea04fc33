using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Features.Account;

namespace PolicyTracker.IntegrationTests.Security;

[Collection(SecurityGroup.Name)]
public sealed class ApiTokenTests(SecurityFixture app)
{
    [Fact]
    public async Task A_token_acts_as_its_owner_with_the_owners_roles()
    {
        var client = Bearer(await app.CreateTokenAsync(SecurityFixture.EmailOf(Roles.Manager)));

        var me = await client.GetFromJsonAsync<Me>("/api/me");

        me!.Name.ShouldBe(SecurityFixture.EmailOf(Roles.Manager));
        me.Roles.ShouldBe([Roles.Manager]);
        (await client.GetAsync("/api/admin/audit.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_creation_and_revocation_are_audited()
    {
        var email = SecurityFixture.EmailOf(Roles.Analyst);
        var secret = await app.CreateTokenAsync(email);
        var client = Bearer(secret);
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await app.InScopeAsync(async s =>
        {
            var tokens = s.GetRequiredService<ApiTokens>();
            var user = await s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            var token = await s.GetRequiredService<AccountsDbContext>().ApiTokens.SingleAsync(t => t.Hash == ApiTokens.Hash(secret));
            return (Ok: await tokens.RevokeAsync(user!.Id, token.Id), token.Id);
        });

        revoked.Ok.ShouldBeTrue();
        var refused = await client.GetAsync("/api/me");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
        var actions = await app.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.AuditEntries.Where(a => a.EntityId == revoked.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        });
        actions.ShouldBe([AuditAction.TokenCreated, AuditAction.TokenRevoked]);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var secret = await app.CreateTokenAsync(SecurityFixture.EmailOf(Roles.Analyst));
        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AccountsDbContext>();
            var token = await db.ApiTokens.SingleAsync(t => t.Hash == ApiTokens.Hash(secret));
            token.ExpiresAt = s.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(-1);
            return await db.SaveChangesAsync();
        });

        (await Bearer(secret).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_users_token_is_refused()
    {
        var email = $"token-disabled-{Guid.NewGuid():N}@test.example";
        var id = await app.CreateUserAsync(email, Roles.Analyst);
        var client = Bearer(await app.CreateTokenAsync(email));
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(id, disabled: true));

        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("pt_not-a-real-token")]
    [InlineData("garbage")]
    [InlineData("pt_' OR 1=1 --")]
    public async Task An_unknown_token_is_refused(string secret) =>
        (await Bearer(secret).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        var secret = await app.CreateTokenAsync(SecurityFixture.EmailOf(Roles.Editor));

        var stored = await app.InScopeAsync(s => s.GetRequiredService<AccountsDbContext>().ApiTokens.AsNoTracking()
            .SingleAsync(t => t.Hash == ApiTokens.Hash(secret)));

        stored.Hash.ShouldNotContain(secret[3..]);
        secret.ShouldStartWith(stored.Prefix);
        stored.Prefix.Length.ShouldBeLessThan(secret.Length / 3);
    }

    [Fact]
    public async Task Api_calls_without_credentials_get_401_not_a_sign_in_page()
    {
        var response = await app.NewClient().GetAsync("/api/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull();
    }

    private HttpClient Bearer(string secret)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
