using MailKit.Security;

namespace Christmas.Core.Delivery.Smtp;

/// <summary>Section <c>Smtp</c>: any relay (a mail provider's SMTP endpoint, a local Postfix).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
}
