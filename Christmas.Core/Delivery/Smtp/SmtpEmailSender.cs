using MailKit;
using MailKit.Net.Smtp;
using MimeKit;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery.Smtp;

/// <summary>
/// Sends through an SMTP relay with MailKit, on connections kept open by <see cref="SmtpConnectionPool"/>.
/// The Message-Id is derived from the step's idempotency key, so the message of a retried send is the same
/// message; relays that de-duplicate (and Resend's SMTP, via Resend-Idempotency-Key) send it once. Plain SMTP
/// promises no more than that.
/// </summary>
public sealed class SmtpEmailSender(SmtpConnectionPool pool, IOptionsMonitor<SmtpOptions> options, IOptionsMonitor<EmailOptions> email) : IEmailSender
{
    public async Task<string> SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        var mime = Build(message);
        var o = options.CurrentValue;
        try
        {
            try
            {
                await SendOnAsync(await pool.RentAsync(fresh: false, cancellationToken), mime, cancellationToken);
            }
            catch (ReusedConnectionLost)
            {
                // The relay closed a connection that sat idle (a timeout of its own, a restart): not a failure of
                // this email. Once more on a new connection; the same Message-Id if the first DATA did arrive.
                await SendOnAsync(await pool.RentAsync(fresh: true, cancellationToken), mime, cancellationToken);
            }
            return mime.MessageId!;
        }
        catch (SmtpCommandException ex)
        {
            // 5xx: the relay refuses this message for good; 4xx: try again later.
            throw new EmailSendException($"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent: (int)ex.StatusCode >= 500, ex,
                unavailable: (int)ex.StatusCode < 500);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            throw new EmailSendException($"SMTP relay {o.Host}:{o.Port}: {ex.Message}", permanent: false, ex, unavailable: true);
        }
    }

    /// <summary>
    /// One transaction on a rented connection, which is returned whatever happens: kept after a success or a
    /// refusal the relay answered (once RSET has cleared the transaction), closed otherwise (MailKit has then
    /// disconnected it already: a protocol or I/O error leaves the session in an unknown state).
    /// </summary>
    private async Task SendOnAsync(SmtpConnection connection, MimeMessage mime, CancellationToken cancellationToken)
    {
        var reusable = false;
        try
        {
            await connection.Client.SendAsync(mime, cancellationToken);
            reusable = true;
        }
        catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable && connection.Reused)
        {
            // 421: the relay is closing this connection (often its idle timeout), so a new one may well be served.
            throw new ReusedConnectionLost(ex);
        }
        catch (SmtpCommandException)
        {
            // MailKit has sent RSET after the refusal (and disconnected if that failed): the connection serves the next email.
            reusable = connection.Client.IsConnected;
            throw;
        }
        catch (Exception ex) when (IsConnectionFailure(ex) && connection.Reused)
        {
            throw new ReusedConnectionLost(ex);
        }
        finally
        {
            await pool.ReturnAsync(connection, reusable);
        }
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException;

    /// <summary>A reused connection failed in a way a new one may not: the send is tried once more.</summary>
    private sealed class ReusedConnectionLost(Exception inner) : Exception(inner.Message, inner);

    private MimeMessage Build(OutgoingEmail message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Content.Subject,
            MessageId = $"{message.IdempotencyKey}@christmas-campaign",
            Body = new BodyBuilder { HtmlBody = message.Content.Html, TextBody = message.Content.Text }.ToMessageBody(),
        };
        mime.From.Add(MailboxAddress.Parse(email.CurrentValue.From!));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (!string.IsNullOrWhiteSpace(email.CurrentValue.ReplyTo)) mime.ReplyTo.Add(MailboxAddress.Parse(email.CurrentValue.ReplyTo));
        foreach (var (name, value) in message.Headers) mime.Headers.Add(name, value);
        mime.Headers.Add("Resend-Idempotency-Key", message.IdempotencyKey);
        return mime;
    }
}
