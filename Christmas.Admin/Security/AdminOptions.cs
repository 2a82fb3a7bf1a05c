namespace Christmas.Admin.Security;

/// <summary>Section <c>Admin</c>. Without an ApiToken the operator API stays closed.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";
    public string? ApiToken { get; set; }
}
