using Christmas.Core.Delivery.Resend;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery.Batches;

/// <summary>Whether due emails go in batches now: the Resend sender with <c>Resend:Batch</c> on (the default).</summary>
public sealed class BatchSending(IOptionsMonitor<EmailOptions> email, IOptionsMonitor<ResendOptions> resend)
{
    /// <summary>The most emails per batch, or 1 when batches are off.</summary>
    public int MaxSize => email.CurrentValue.IsResend && resend.CurrentValue.Batch ? ResendBatchSender.Limit : 1;
}
