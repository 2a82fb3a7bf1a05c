namespace Christmas.Core.Delivery.Batches;

/// <summary>
/// Several due emails sent in one provider request (Resend's <c>POST /emails/batch</c>). Its members
/// (steps with <c>BatchId</c> and <c>BatchIndex</c>) and the exact request body are stored before the first
/// attempt, so every retry sends the same bytes under the same idempotency key: a batch that reached the
/// provider before a crash or a lost answer is answered again with its ids, never sent twice.
/// </summary>
public sealed class SendBatch
{
    public long Id { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>The request body as sent: the members' emails in <c>BatchIndex</c> order.</summary>
    public string Body { get; private set; } = "";
    public int Size { get; private set; }

    private SendBatch() { }

    public SendBatch(DateTime createdAt, string body, int size)
    {
        CreatedAt = createdAt;
        Body = body;
        Size = size;
    }

    /// <summary>
    /// The key of every attempt of this batch (Resend keeps it 24 hours). With its creation time: after a
    /// database restore the same id may be given to another batch, which must not meet the first one's key.
    /// </summary>
    public string IdempotencyKey => $"batch-{Id}-{CreatedAt.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture)}";
}
