using MailKit;
using MailKit.Net.Smtp;
using MimeKit;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery.Smtp;

/// <summary>
/// Sends through an SMTP relay with MailKit. The Message-Id is derived from the step's idempotency
/// key, so the message of a retried send is the same message; relays that de-duplicate (and
/// Resend's SMTP, via Resend-Idempotency-Key) send it once. Plain SMTP promises no more than that.
/// </summary>
public sealed class SmtpEmailSender(IOptionsMonitor<SmtpOptions> options, IOptionsMonitor<EmailOptions> email) : IEmailSender
{
    public async Task<string> SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        var mime = Build(message);
        using var client = new SmtpClient();
        var o = options.CurrentValue;
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.Security, cancellationToken);
            if (!string.IsNullOrEmpty(o.Username)) await client.AuthenticateAsync(o.Username, o.Password ?? "", cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return mime.MessageId!;
        }
        catch (SmtpCommandException ex)
        {
            // 5xx: the relay refuses this message for good; 4xx: try again later.
            throw new EmailSendException($"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent: (int)ex.StatusCode >= 500, ex,
                unavailable: (int)ex.StatusCode < 500);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException
                                   or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
        {
            throw new EmailSendException($"SMTP relay {o.Host}:{o.Port}: {ex.Message}", permanent: false, ex, unavailable: true);
        }
    }

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
