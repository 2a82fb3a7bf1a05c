namespace Christmas.Core.Instances;

/// <summary>
/// This process, as written into the leases, claims and hand-overs it owns. New at every start: a
/// restarted instance does not inherit its predecessor's claims as if they were alive.
/// </summary>
public sealed class ThisInstance
{
    public const int MaxIdLength = 100;

    public string Id { get; } = $"{Truncate(Environment.MachineName, 60)}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
