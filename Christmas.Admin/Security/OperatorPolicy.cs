namespace Christmas.Admin.Security;

/// <summary>The authorization policy of everything but the webhooks, /health and unsubscribe links.</summary>
public static class OperatorPolicy
{
    public const string Name = "Operator";
}
