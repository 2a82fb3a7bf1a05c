namespace Christmas.Core.Persistence.Leases;

/// <summary>Who runs a loop that must run on one instance only (the Notion mirror, the delivery-event applier), until when.</summary>
public sealed class Lease(string name, string holder, DateTime expiresAt)
{
    public string Name { get; private set; } = name;
    public string Holder { get; private set; } = holder;
    public DateTime ExpiresAt { get; private set; } = expiresAt;
}
