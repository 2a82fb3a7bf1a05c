using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Smtp;
using Christmas.Core.Templates;
using Christmas.Tests.Fixtures;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Christmas.Tests.Delivery;

/// <summary>The Smtp sender and its connection pool on their own, against stand-in relays.</summary>
public sealed class SmtpConnectionPoolTests : IAsyncLifetime
{
    private readonly SmtpStandIn _first = new();
    private readonly SmtpStandIn _second = new();
    private readonly Monitor<SmtpOptions> _smtp = new(new SmtpOptions());
    private SmtpConnectionPool _pool = null!;
    private SmtpEmailSender _sender = null!;

    public Task InitializeAsync()
    {
        _smtp.Value = RelayAt(_first.Port);
        _pool = new SmtpConnectionPool(_smtp);
        _sender = new SmtpEmailSender(_pool, _smtp, new Monitor<EmailOptions>(new EmailOptions { Provider = "Smtp", From = "team@busos.example" }));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _pool.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private static SmtpOptions RelayAt(int port, TimeSpan? idleTimeout = null) => new()
    {
        Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, IdleTimeout = idleTimeout ?? TimeSpan.FromSeconds(30),
    };

    private Task<string> SendAsync(int n) => _sender.SendAsync(new OutgoingEmail(n, $"c{n}@example.com", "t", $"key-{n}",
        new RenderedEmail("Hi", "<p>Hi</p>", "Hi"), new Dictionary<string, string>(), new Dictionary<string, string?>()), CancellationToken.None);

    [Fact]
    public async Task ANewRelayInTheConfiguration_GetsTheNextEmail_NotTheOldConnection()
    {
        await SendAsync(1);
        _smtp.Value = RelayAt(_second.Port);
        await SendAsync(2);

        Assert.Single(_first.Messages);
        Assert.Single(_second.Messages);
    }

    [Fact]
    public async Task ConcurrentSends_OpenNoMoreThanMaxConnections_FourByDefault()
    {
        await Task.WhenAll(Enumerable.Range(1, 40).Select(SendAsync));

        Assert.Equal(40, _first.Messages.Count);
        Assert.InRange(_first.Connections, 1, 4);
    }

    [Fact]
    public async Task WithoutIdleTime_EveryEmailHasItsOwnConnection()
    {
        _smtp.Value = RelayAt(_first.Port, TimeSpan.Zero);
        for (var i = 1; i <= 3; i++) await SendAsync(i);

        Assert.Equal(3, _first.Connections);
    }

    [Fact]
    public async Task ATemporaryRefusal_IsUnavailable_AndTheConnectionServesTheNextEmail()
    {
        _first.RefuseNextWith = "451 4.3.0 Try again later";
        var ex = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(1));
        await SendAsync(2);

        Assert.True(ex.Unavailable);
        Assert.False(ex.Permanent);
        Assert.Single(_first.Messages);
        Assert.Equal(1, _first.Connections);
    }

    private sealed class Monitor<T>(T value) : IOptionsMonitor<T>
    {
        public T Value { get; set; } = value;
        public T CurrentValue => Value;
        public T Get(string? name) => Value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
