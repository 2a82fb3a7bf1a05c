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
    /// <summary>Connections open to the relay at most; a send waits for a free one. As many as the scheduler's workers by default.</summary>
    public int MaxConnections { get; set; } = 4;
    /// <summary>
    /// A connection unused for longer is closed rather than reused (relays drop idle clients, RFC 5321 after 5 minutes
    /// at the earliest, some much sooner). Zero: a connection per email, closed after it.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What a connection was opened with: a connection of another endpoint or login is not reused.</summary>
    internal SmtpEndpoint Endpoint => new(Host, Port, Username, Password, Security);
}

internal readonly record struct SmtpEndpoint(string? Host, int Port, string? Username, string? Password, SecureSocketOptions Security);
