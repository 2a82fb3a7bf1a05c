using MailKit.Net.Smtp;

namespace Christmas.Core.Delivery.Smtp;

/// <summary>One open, authenticated connection to the relay, lent by <see cref="SmtpConnectionPool"/> to one send at a time.</summary>
public sealed class SmtpConnection : IAsyncDisposable
{
    internal SmtpConnection(SmtpClient client, SmtpEndpoint endpoint, long openedAt)
    {
        Client = client;
        Endpoint = endpoint;
        LastUsedAt = openedAt;
    }

    public SmtpClient Client { get; }
    internal SmtpEndpoint Endpoint { get; }
    /// <summary>Has carried a message before: a failure may only mean the relay dropped it while it sat idle.</summary>
    public bool Reused { get; internal set; }
    internal long LastUsedAt { get; set; }

    /// <summary>QUIT if the connection still answers; never throws (the relay may be gone already).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception) { /* closing anyway */ }
        Client.Dispose();
    }
}
