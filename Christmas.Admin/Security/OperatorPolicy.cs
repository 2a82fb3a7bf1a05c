namespace Christmas.Admin.Security;

/// <summary>The authorization policies: everything but the webhooks, /health and unsubscribe links needs one.</summary>
public static class OperatorPolicy
{
    /// <summary>Any signed-in console user (Admin or Marketer) or the API token.</summary>
    public const string Name = "Operator";
    /// <summary>Settings, users and the Hangfire dashboard.</summary>
    public const string AdminOnly = "AdminOnly";
}
