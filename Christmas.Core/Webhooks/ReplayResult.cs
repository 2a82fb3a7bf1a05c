namespace Christmas.Core.Webhooks;

/// <summary>A replay's answer: the original was not found, its stored body no longer validates (errors per field), or the new call's result.</summary>
public sealed record ReplayResult(bool Found, IngestResult? Result, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly ReplayResult NotFound = new(false, null, new Dictionary<string, string[]>());
}
