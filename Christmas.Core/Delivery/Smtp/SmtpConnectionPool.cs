using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery.Smtp;

/// <summary>
/// Keeps up to <c>Smtp:MaxConnections</c> connections to the relay open between sends, so an email costs a
/// transaction (MAIL, RCPT, DATA) instead of TCP, TLS, EHLO, AUTH and QUIT. A connection is rented by one send
/// and returned; one that is broken, idle for longer than <c>Smtp:IdleTimeout</c> or opened with an older
/// host/port/login than the current configuration is closed instead of lent again.
/// </summary>
public sealed class SmtpConnectionPool(IOptionsMonitor<SmtpOptions> options) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Stack<SmtpConnection> _idle = new();
    // Read once: a changed MaxConnections takes effect at the next start.
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.CurrentValue.MaxConnections));
    private bool _disposed;

    /// <summary>An open connection: an idle one that is still good, else a new one. Return it with <see cref="ReturnAsync"/>.</summary>
    /// <param name="fresh">A new connection even if an idle one is there (the retry after a reused one failed).</param>
    public async Task<SmtpConnection> RentAsync(bool fresh, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var o = options.CurrentValue;
            if (!fresh)
            {
                while (TakeIdle() is { } idle)
                {
                    if (IsReusable(idle, o)) return idle;
                    await idle.DisposeAsync();
                }
            }
            return await OpenAsync(o, cancellationToken);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Gives the connection back: kept for the next send if <paramref name="reusable"/> and still good, else closed.</summary>
    public async ValueTask ReturnAsync(SmtpConnection connection, bool reusable)
    {
        try
        {
            connection.LastUsedAt = Environment.TickCount64;
            connection.Reused = true;
            if (reusable && IsReusable(connection, options.CurrentValue))
            {
                lock (_lock)
                {
                    if (!_disposed)
                    {
                        _idle.Push(connection);
                        return;
                    }
                }
            }
            await connection.DisposeAsync();
        }
        finally
        {
            _slots.Release();
        }
    }

    private SmtpConnection? TakeIdle()
    {
        lock (_lock) return _idle.TryPop(out var c) ? c : null;
    }

    private static bool IsReusable(SmtpConnection c, SmtpOptions o) =>
        c.Client.IsConnected && c.Endpoint == o.Endpoint
        && Environment.TickCount64 - c.LastUsedAt < o.IdleTimeout.TotalMilliseconds;

    private static async Task<SmtpConnection> OpenAsync(SmtpOptions o, CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        // No Nagle: on a reused connection the message's last segment would wait for the relay's delayed
        // ACK (up to 40 ms on Linux, which acks at once only on a new connection), slower than connecting anew.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(o.Host!, o.Port, cancellationToken);
            await client.ConnectAsync(socket, o.Host!, o.Port, o.Security, cancellationToken);
            if (!string.IsNullOrEmpty(o.Username)) await client.AuthenticateAsync(o.Username, o.Password ?? "", cancellationToken);
            return new SmtpConnection(client, o.Endpoint, Environment.TickCount64);
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    /// <summary>QUITs the idle connections at shutdown; the rented ones are closed as they come back.</summary>
    public async ValueTask DisposeAsync()
    {
        SmtpConnection[] idle;
        lock (_lock)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var c in idle) await c.DisposeAsync();
    }
}
