using System.Diagnostics;
using System.Globalization;
using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Smtp;
using Christmas.Core.Templates;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Christmas.Bench;

/// <summary>
/// The app's Smtp sender against a running SMTP server: <c>--emails</c> emails from <c>--concurrency</c>
/// senders (the scheduler's 4 workers), once with a connection per email (<c>Smtp:IdleTimeout</c> 0, how every
/// email was sent before the pool) and once with connections reused, in alternating rounds; prints both.
/// </summary>
public static class SmtpCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var host = options.Text("host", "127.0.0.1");
        var port = options.Int("port");
        var emails = options.Int("emails", 2000);
        var concurrency = options.Int("concurrency", 4);
        var rounds = options.Int("rounds", 3);
        await SendAllAsync(host, port, 50, concurrency, reuse: true); // warm-up: JIT, MailKit, the server
        var times = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var reuse in new[] { false, true })
            {
                var seconds = await SendAllAsync(host, port, emails, concurrency, reuse);
                times[reuse].Add(seconds);
                Console.WriteLine(Line($"round={round} reuse={(reuse ? "yes" : "no")}", emails, seconds));
            }
        }
        foreach (var reuse in new[] { false, true })
            Console.WriteLine(Line($"median reuse={(reuse ? "yes" : "no")}", emails, Stats.Percentile([.. times[reuse].Order()], 50)));
        return 0;
    }

    private static string Line(string tag, int emails, double seconds) => string.Create(CultureInfo.InvariantCulture,
        $"BENCH smtp {tag} emails={emails} seconds={seconds:F2} emails_per_s={emails / seconds:F0}");

    private static async Task<double> SendAllAsync(string host, int port, int emails, int concurrency, bool reuse)
    {
        var smtp = new Fixed<SmtpOptions>(new SmtpOptions
        {
            Host = host, Port = port, Security = SecureSocketOptions.None, MaxConnections = concurrency,
            IdleTimeout = reuse ? TimeSpan.FromSeconds(30) : TimeSpan.Zero,
        });
        await using var pool = new SmtpConnectionPool(smtp);
        var sender = new SmtpEmailSender(pool, smtp, new Fixed<EmailOptions>(new EmailOptions { Provider = "Smtp", From = "Bench <bench@example.com>" }));
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < emails)
                await sender.SendAsync(Email(i), CancellationToken.None);
        }));
        return watch.Elapsed.TotalSeconds;
    }

    // About the size of a campaign email: a few KB of HTML and its text part.
    private static readonly string Html = string.Concat(Enumerable.Repeat("<p>Your assessment shows three red systems. Here is what to do first.</p>\n", 40));
    private static readonly string Text = string.Concat(Enumerable.Repeat("Your assessment shows three red systems. Here is what to do first.\n", 40));

    private static OutgoingEmail Email(int i) => new(i, $"bench{i}@example.com", "assessment-2", $"bench-{Guid.NewGuid():N}",
        new RenderedEmail("Your three red systems", Html, Text),
        new Dictionary<string, string> { ["List-Unsubscribe"] = $"<https://example.com/u/{i}>" }, new Dictionary<string, string?>());

    private sealed class Fixed<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
