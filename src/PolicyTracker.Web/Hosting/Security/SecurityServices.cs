using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;

namespace PolicyTracker.Web.Hosting.Security;

public static class SecurityServices
{
    private const string SignInOrApiScheme = "CookieOrApiToken";

    /// <summary>Identity with cookie sign-in, API tokens, the role policies, rate limits and session limits.</summary>
    public static WebApplicationBuilder AddPolicyTrackerSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var requireHttps = RequireHttps(builder.Configuration, builder.Environment);
        var connectionString = configuration.GetConnectionString("Default");

        services.AddPolicyTrackerAccounts(string.IsNullOrWhiteSpace(connectionString) ? "Host=invalid" : connectionString)
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders();
        services.AddSingleton<DummyPasswordHash>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<SignInThrottle>();
        services.Replace(ServiceDescriptor.Singleton<IUserSessionRevoker>(sp => sp.GetRequiredService<UserSessions>()));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.Replace(ServiceDescriptor.Scoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>()));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CurrentUserCircuitHandler>());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<Access>();
        services.AddScoped<OnBehalf>();
        services.AddScoped<Features.Admin.AuditQueries>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SignInOrApiScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SignInOrApiScheme, "Cookie or API token", options => options.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.TryGetBearer(context.Request, out _)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "PolicyTracker.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            // Scripts get status codes, people get pages.
            options.Events.OnRedirectToLogin = context => Answer(context.HttpContext, StatusCodes.Status401Unauthorized, context.RedirectUri);
            options.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, StatusCodes.Status403Forbidden, context.RedirectUri);
            options.Events.OnValidatePrincipal = UserSessions.ValidateCookieAsync;
        });
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(3));
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(Policies.Add);

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "PolicyTracker.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Not a credential, and Always would turn every form on a plain-HTTP deployment into a 500.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.Configure<CircuitOptions>(options =>
        {
            options.DisconnectedCircuitMaxRetained = configuration.GetValue("Security:MaxRetainedCircuits", 50);
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
            options.MaxBufferedUnacknowledgedRenderBatches = 10;
            options.JSInteropDefaultCallTimeout = TimeSpan.FromMinutes(1);
        });
        services.Configure<HubOptions>(options =>
        {
            options.MaximumReceiveMessageSize = 32 * 1024;
            options.MaximumParallelInvocationsPerClient = 1;
            options.StreamBufferCapacity = 10;
        });
        services.AddRateLimiter(options => ConfigureRateLimits(options, configuration));
        services.Configure<ForwardedHeadersOptions>(options => ProxyHeaders.Configure(options, configuration));
        return builder;
    }

    /// <summary>Headers, HTTPS, authentication, rate limits and authorization, in that order; before UseAntiforgery.</summary>
    public static WebApplication UsePolicyTrackerSecurity(this WebApplication app)
    {
        if (ProxyHeaders.Enabled(app.Configuration))
        {
            // First, so that HTTPS redirection, the rate limits and the audit see the real client.
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (RequireHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Requests per minute per user (or address) on /api, as the API's rate-limit headers state it.</summary>
    public static int ApiRequestsPerMinute(IConfiguration configuration) => configuration.GetValue("Security:ApiRequestsPerMinute", 300);

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static bool RequireHttps(IConfiguration configuration, IWebHostEnvironment environment) =>
        configuration.GetValue("Security:RequireHttps", !environment.IsDevelopment());

    private static Task Answer(HttpContext context, int status, string redirectUri)
    {
        if (IsApi(context.Request) || context.Request.Headers.Authorization.Count > 0)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureRateLimits(RateLimiterOptions options, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        var apiPerMinute = ApiRequestsPerMinute(configuration);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyTracker.Security")
                .LogWarning("Rate limit hit: {Method} {Path} from {Address}", http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress);
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("Too many requests. Wait a minute and try again.", cancellationToken);
        };
        // One limiter for the whole app so that every API endpoint, present and future, is covered.
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitPartition.GetFixedWindowLimiter($"account:{address}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = signInPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            }
            if (IsApi(context.Request))
            {
                var who = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? $"user:{name}" : $"ip:{address}";
                return RateLimitPartition.GetFixedWindowLimiter($"api:{who}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = apiPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            }
            return RateLimitPartition.GetNoLimiter("");
        });
    }
}
