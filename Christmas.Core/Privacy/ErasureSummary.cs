namespace Christmas.Core.Privacy;

/// <summary>What an erasure did, without the address: the API's answer and the audit entry's detail.</summary>
/// <param name="Key">The suppression list's key the address is now kept under (its keyed hash).</param>
/// <param name="Redacted">What was redacted, as counts.</param>
public sealed record ErasureSummary(long ContactId, string Key, string Redacted, DateTime ErasedAt);
