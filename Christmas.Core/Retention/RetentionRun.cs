namespace Christmas.Core.Retention;

/// <summary>
/// One purge: when, who started it ("schedule" or an operator), and per kind the rows purged and the
/// transactions it took (at most <see cref="RetentionPurge.BatchSize"/> rows each).
/// </summary>
public sealed record RetentionRun(
    DateTime StartedAt,
    DateTime FinishedAt,
    string StartedBy,
    IReadOnlyDictionary<string, int> Rows,
    IReadOnlyDictionary<string, int> Transactions)
{
    public int Total => Rows.Values.Sum();
}
