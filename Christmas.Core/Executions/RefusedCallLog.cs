using System.Threading.Channels;
using Christmas.Core.Telemetry;

namespace Christmas.Core.Executions;

/// <summary>
/// Takes refused webhook calls off the request path: the answer never waits on the database, and a
/// flood of bad calls fills a bounded queue whose overflow is counted, not stored, so it can slow
/// nothing and grow nothing. <see cref="RefusedCallWriter"/> stores what is queued.
/// </summary>
public sealed class RefusedCallLog(CampaignMetrics metrics)
{
    private const int Capacity = 1_000;

    private readonly Channel<RefusedCall> _queue = Channel.CreateBounded<RefusedCall>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    internal ChannelReader<RefusedCall> Reader => _queue.Reader;

    public void Record(RefusedCall call) => metrics.WebhookRefused(call.Status, _queue.Writer.TryWrite(call));
}
