namespace Christmas.Core.Instances;

/// <summary>
/// A running instance's sign of life in the shared database. The claims and hand-overs it owns stay
/// its own while <see cref="HeartbeatAt"/> is fresh; once it is older than <c>Scheduler:InstanceTimeout</c>
/// another instance takes them over.
/// </summary>
public sealed class Instance(string id, DateTime startedAt)
{
    public string Id { get; private set; } = id;
    public DateTime StartedAt { get; private set; } = startedAt;
    public DateTime HeartbeatAt { get; private set; } = startedAt;
}
