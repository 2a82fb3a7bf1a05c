namespace Christmas.Admin.Security;

/// <summary>The authorization policies: everything but the webhooks, /health and unsubscribe links needs one.</summary>
public static class OperatorPolicy
{
    /// <summary>Any signed-in console user (Admin or Marketer), or an API token with the endpoint's scope (<see cref="Scopes.RequiredScope"/>).</summary>
    public const string Name = "Operator";
    /// <summary>Settings, users and the Hangfire dashboard: an Admin, or a token with the endpoint's scope.</summary>
    public const string AdminOnly = "AdminOnly";
}
