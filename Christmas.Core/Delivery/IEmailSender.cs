namespace Christmas.Core.Delivery;

/// <summary>Hands one email to a provider. Must be idempotent on <see cref="OutgoingEmail.IdempotencyKey"/>.</summary>
public interface IEmailSender
{
    /// <returns>The provider's message id once the provider accepted the email.</returns>
    /// <exception cref="EmailSendException">The provider refused or could not be reached.</exception>
    Task<string> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
