using Microsoft.AspNetCore.Authorization;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.Web.Hosting.Security;

/// <summary>The role table of the app, in one place. Pages use <c>[Authorize(Policy = Policies.CanEdit)]</c>,
/// endpoints <c>.RequireAuthorization(Policies.CanEdit)</c>, component actions <see cref="Access"/>.</summary>
public static class Policies
{
    /// <summary>Browse, search and export what one can browse: every role. Also the fallback for anything unmarked.</summary>
    public const string CanBrowse = nameof(CanBrowse);

    /// <summary>Enter, review, publish and restore records.</summary>
    public const string CanEdit = nameof(CanEdit);

    /// <summary>Summaries across the records.</summary>
    public const string CanSummarise = nameof(CanSummarise);

    /// <summary>List and read draft and archived reports: editors, and managers, whose summaries count them (the
    /// figures link to the reports list, which must show the rows behind them). Reading only: changing needs CanEdit.</summary>
    public const string CanSeeDrafts = nameof(CanSeeDrafts);

    /// <summary>Users, roles and the audit log.</summary>
    public const string CanAdminister = nameof(CanAdminister);

    public static IReadOnlyDictionary<string, string[]> RolesOf { get; } = new Dictionary<string, string[]>
    {
        [CanBrowse] = [Roles.Analyst, Roles.Editor, Roles.Manager, Roles.Admin],
        [CanEdit] = [Roles.Editor, Roles.Admin],
        [CanSummarise] = [Roles.Manager, Roles.Admin],
        [CanSeeDrafts] = [Roles.Editor, Roles.Manager, Roles.Admin],
        [CanAdminister] = [Roles.Admin],
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesOf)
        {
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }
        // Nothing is anonymous unless it says [AllowAnonymous]: a page or endpoint someone forgets to mark needs a role.
        options.FallbackPolicy = options.GetPolicy(CanBrowse);
    }
}
