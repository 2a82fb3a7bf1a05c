namespace Christmas.Core.Delivery.Batches;

/// <summary>A provider that takes several emails in one request, under one idempotency key.</summary>
public interface IBatchEmailSender
{
    /// <summary>The most emails one request takes.</summary>
    int MaxBatchSize { get; }

    /// <summary>The request body for these emails, in this order: stored before the first attempt and sent as is every time.</summary>
    string Body(IReadOnlyList<OutgoingEmail> emails);

    /// <returns>One outcome per member, in the body's order.</returns>
    /// <exception cref="EmailSendException">The request as a whole was refused or could not be made.</exception>
    Task<IReadOnlyList<BatchMemberOutcome>> SendAsync(string idempotencyKey, string body, int size, CancellationToken ct);
}

/// <summary>A member accepted (<paramref name="MessageId"/>) or refused for good (<paramref name="Error"/>, e.g. an invalid address).</summary>
public sealed record BatchMemberOutcome(string? MessageId, string? Error);
