using Christmas.Core.Delivery;
using Christmas.Core.Sequences;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Scheduling;

/// <summary>What an attempt's outcome does to a step, alone or in a batch: sent, tried again after a backoff, or failed for good.</summary>
public sealed class SendAttempts(IOptions<SchedulerOptions> options, TimeProvider time, ILogger<SendAttempts> logger)
{
    /// <summary>Sends the step's email on its own, under the step's idempotency key.</summary>
    public async Task SendAloneAsync(IEmailSender sender, Step step, OutgoingEmail email, CancellationToken ct)
    {
        try
        {
            var messageId = await sender.SendAsync(email, ct);
            step.MarkSent(Now(), messageId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(step, ex);
        }
    }

    /// <summary>The attempt failed: a retry at the backoff (or the provider's retry-after), or failed for good.</summary>
    public void Failed(Step step, Exception ex)
    {
        var retryAt = RetryAt(step, ex as EmailSendException);
        step.MarkAttemptFailed(ex.Message, retryAt);
        logger.LogWarning("Step {StepId} attempt {Attempt} failed ({Outcome}): {Error}",
            step.Id, step.Attempts, retryAt is null ? "failed for good" : $"retry at {retryAt:O}", ex.Message);
    }

    /// <returns>When to try again, or null: failed for good.</returns>
    private DateTime? RetryAt(Step step, EmailSendException? error)
    {
        var o = options.Value;
        if (error is { Permanent: true }) return null;
        var now = Now();
        var backoff = o.RetryBaseDelay * Math.Pow(2, Math.Min(step.Attempts - 1, 20));
        var wait = backoff < o.MaxRetryDelay ? backoff : o.MaxRetryDelay;
        if (error?.RetryAfter is { } after && after > wait) wait = after;
        if (error is { Unavailable: true })
            return now - step.SendAt < o.RetryUnavailableFor ? now + wait : null;
        return step.Attempts >= o.MaxAttempts ? null : now + wait;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
