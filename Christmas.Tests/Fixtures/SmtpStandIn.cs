using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Christmas.Tests.Fixtures;

/// <summary>
/// A minimal SMTP relay on a loopback port (RFC 5321 commands MailKit uses, no TLS or AUTH): keeps
/// each message's raw DATA, or refuses the next message with a given reply; counts the connections it was
/// opened and can drop the open ones, as a relay does with idle clients.
/// </summary>
public sealed class SmtpStandIn : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private int _connections;

    public SmtpStandIn()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public ConcurrentQueue<string> Messages { get; } = new();
    /// <summary>A reply such as "550 5.7.1 Relaying denied" for the next MAIL FROM.</summary>
    public string? RefuseNextWith { get; set; }
    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Closes every open connection without a word, as a relay whose idle timeout has passed.</summary>
    public void DropConnections()
    {
        foreach (var client in _open.Keys) client.Close();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(client);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task ServeAsync(TcpClient client)
    {
        _open[client] = 0;
        try { await ConverseAsync(client); }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException) { /* dropped */ }
        finally
        {
            _open.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 stand-in ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Split(' ')[0].ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-stand-in");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "MAIL" when RefuseNextWith is { } refusal:
                    RefuseNextWith = null;
                    await writer.WriteLineAsync(refusal);
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..") ? dataLine[1..] : dataLine).Append("\r\n");
                    Messages.Enqueue(data.ToString());
                    await writer.WriteLineAsync("250 2.0.0 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
