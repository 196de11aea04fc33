using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;
using PolicyTracker.TestSupport;

namespace PolicyTracker.Benchmarks;

/// <summary><c>--sign-in-timing [--rounds N]</c>: the wall-clock figure the sign-in secrecy test no longer asserts
/// (it counts hash work instead): median time to refuse a known account's wrong password and an unknown account,
/// through the real sign-in form of the app in memory, on a throwaway database of POLICYTRACKER_TEST_DB.</summary>
public static partial class SignInTiming
{
    private const string Password = "timing-password-2026";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var rounds = int.Parse(Option(args, "--rounds") ?? "20", CultureInfo.InvariantCulture);
        // WebApplicationFactory reads MvcTestingAppManifest.json from the working directory; started from the
        // repository root it took the root for the web project's parent and failed on a missing folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var database = await TestDatabase.CreateAsync("pt_signin_timing");
        await using var app = new AppFactory(database.ConnectionString, new AppOptions { DemoUsers = false, SignInAttemptsPerMinute = 100_000 });
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < rounds + 2; i++)
        {
            // A new account each round keeps the per-account throttle out of the figure; the first two rounds warm up.
            var email = $"timing-{Guid.NewGuid():N}@bench.example";
            await app.InScopeAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync(email, Password, [Roles.Analyst]));
            var k = await TimeRefusalAsync(app, email);
            var u = await TimeRefusalAsync(app, $"nobody-{Guid.NewGuid():N}@bench.example");
            if (i >= 2)
            {
                known.Add(k);
                unknown.Add(u);
            }
        }

        var (mk, mu) = (Median(known), Median(unknown));
        output.WriteLine(FormattableString.Invariant($"sign-in refusal, median of {rounds}: known account {mk:0.0} ms, unknown account {mu:0.0} ms (unknown/known {mu / mk:0.00})"));
        return 0;
    }

    private static async Task<double> TimeRefusalAsync(AppFactory app, string email)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form).Groups[1].Value);
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = "wrong-password-123",
        }));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"A refused sign-in answered {(int)response.StatusCode}.");
        }

        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
