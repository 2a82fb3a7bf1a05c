namespace Christmas.Core.Settings;

/// <summary>What an Admin needs to know about the outside services, without any secret.</summary>
/// <param name="Details">Label and value pairs, secrets shown only as "set" / "not set".</param>
public sealed record IntegrationStatus(string Name, string State, bool Healthy, IReadOnlyList<KeyValuePair<string, string>> Details);
