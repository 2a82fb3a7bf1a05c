namespace Christmas.Core.Executions;

/// <summary>
/// Section <c>Executions</c>: <c>Executions:SearchMaxBytes</c> bounds one search answer. A page of 10,000
/// executions with 64 KB payloads would be 640 MB of JSON built in memory; such a page is refused with the
/// largest size that fits instead.
/// </summary>
public sealed class ExecutionSearchOptions
{
    public const string Section = "Executions";
    public long SearchMaxBytes { get; set; } = 32L * 1024 * 1024;
}

/// <summary>A search page too large to answer: about <paramref name="Bytes"/>, while <paramref name="FittingSize"/> rows from the same start fit.</summary>
public sealed record OversizedPage(long Bytes, long MaxBytes, int FittingSize);
