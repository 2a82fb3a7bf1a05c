using Christmas.Core.Persistence;

namespace Christmas.Core.Retention;

/// <summary>One kind of record retention purges: how long it is kept, and one small batch of its purge.</summary>
public interface IRetentionTarget
{
    string Kind { get; }

    /// <summary>Days kept; 0 keeps forever.</summary>
    int Days(RetentionOptions options);

    /// <summary>
    /// Purges at most <paramref name="size"/> records older than <paramref name="cutoff"/> not purged yet, inside
    /// the caller's transaction. Selected is how many ids were found (fewer than the size: the last batch); Purged
    /// how many rows the write changed (another instance's concurrent purge of the same rows is not counted twice).
    /// </summary>
    Task<RetentionBatch> PurgeBatchAsync(CampaignDbContext db, DateTime cutoff, DateTime now, int size, CancellationToken ct);
}

public readonly record struct RetentionBatch(int Selected, int Purged);
