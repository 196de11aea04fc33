namespace PolicyTracker.Data.Accounts;

public static class Roles
{
    public const string Analyst = "Analyst";
    public const string Editor = "Editor";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Analyst, Editor, Manager, Admin];

    public static string? Normalize(string role) =>
        All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase));
}
