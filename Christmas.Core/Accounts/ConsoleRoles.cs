namespace Christmas.Core.Accounts;

/// <summary>Admins run everything, including settings and users; Marketers run contacts, sequences and templates.</summary>
public static class ConsoleRoles
{
    public const string Admin = "Admin";
    public const string Marketer = "Marketer";

    public static readonly IReadOnlyList<string> All = [Admin, Marketer];
}
