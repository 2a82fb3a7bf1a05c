namespace Christmas.Core.Audit;

/// <summary>One operator action: who did what to which thing, and when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The signed-in user's email, or "api-token" for the operator API's token.</summary>
    public required string Actor { get; set; }
    /// <summary>A short verb phrase, e.g. "sequence.cancel".</summary>
    public required string Action { get; set; }
    /// <summary>What was acted on, e.g. "sequence 42" or a contact's email.</summary>
    public required string Target { get; set; }
    public string? Detail { get; set; }
}
