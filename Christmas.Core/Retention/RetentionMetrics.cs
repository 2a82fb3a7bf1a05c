using System.Diagnostics.Metrics;
using Christmas.Core.Telemetry;

namespace Christmas.Core.Retention;

/// <summary>
/// <c>christmas_retention_purged_rows_total{kind}</c> and <c>christmas_retention_transactions_total{kind}</c> on
/// <c>/metrics</c>: what this instance's purges removed, and in how many transactions.
/// </summary>
public sealed class RetentionMetrics
{
    private readonly Counter<long> _rows;
    private readonly Counter<long> _transactions;

    public RetentionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CampaignTelemetry.Name);
        _rows = meter.CreateCounter<long>("christmas.retention.purged.rows", "{row}",
            "Rows whose body retention purged (audit entries: deleted), by kind.");
        _transactions = meter.CreateCounter<long>("christmas.retention.transactions", "{transaction}",
            "Transactions retention committed (at most 1,000 rows each), by kind.");
    }

    public void Purged(string kind, int rows)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        _transactions.Add(1, tag);
        _rows.Add(rows, tag);
    }
}
