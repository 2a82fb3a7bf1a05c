namespace Christmas.Admin.Security;

public sealed class AdminOptions
{
    public const string Section = "Admin";
    public string? ApiToken { get; set; }
    /// <summary>The first console administrator, created at start when no user has this email.</summary>
    public string? Email { get; set; }
    public string? Password { get; set; }
}
