using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Christmas.Bench;

/// <summary>
/// Resend's delivery events, Svix-signed like Resend signs them, closed loop for <c>--seconds</c> over
/// <c>--concurrency</c> connections: delivered, opened and clicked in turn for email ids no step carries
/// (each is stored and tried once by the apply loop, as an early event would be). With <c>--db</c>, it then
/// waits until the loop has looked at every stored event and prints how long that took.
/// </summary>
public static class DeliveryCommand
{
    private static readonly string[] Types = ["email.delivered", "email.opened", "email.clicked"];

    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Text("url");
        var key = Convert.FromBase64String(options.Text("secret").Replace("whsec_", "", StringComparison.Ordinal));
        var seconds = options.Int("seconds", 10);
        var concurrency = options.Int("concurrency", 32);
        var tag = options.Text("tag", "delivery");
        var db = options.Find("db");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<int, int>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < end)
            {
                var n = Interlocked.Increment(ref next);
                using var request = Signed(url, key, $"msg_{tag}_{n}", Body(Types[n % Types.Length], $"{tag}-{n}"));
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    using var response = await http.SendAsync(request);
                    status = (int)response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;

        var posted = latencies.Count;
        var ok = statuses.GetValueOrDefault(200);
        var failures = statuses.Where(s => s.Key != 200).Select(s => $"{(s.Key == 0 ? "no-answer" : s.Key.ToString(CultureInfo.InvariantCulture))}x{s.Value}");
        var applied = db is null ? "" : $" applied_within_s={await AppliedWithinAsync(db, ok):0.0}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivery: posted={posted} ok={ok} errors={posted - ok} seconds={elapsed:0.0} rps={ok / elapsed:0} {Stats.Summary(latencies)}{applied} {string.Join(' ', failures)}").TrimEnd());
        return 0;
    }

    /// <summary>Seconds after posting until every stored event was applied or tried once (at most 120 s; -1: not within).</summary>
    private static async Task<double> AppliedWithinAsync(string path, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            using (var connection = Db.Open(path, readOnly: true))
            {
                var stored = Db.Scalar(connection, "SELECT COUNT(*) FROM DeliveryEvents");
                var untouched = Db.Scalar(connection, "SELECT COUNT(*) FROM DeliveryEvents WHERE AppliedAt IS NULL AND Attempts = 0");
                if (stored >= expected && untouched == 0) return clock.Elapsed.TotalSeconds;
            }
            await Task.Delay(100);
        }
        return -1;
    }

    private static HttpRequestMessage Signed(string url, byte[] key, string id, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("svix-id", id);
        request.Headers.Add("svix-timestamp", timestamp);
        request.Headers.Add("svix-signature", $"v1,{signature}");
        return request;
    }

    /// <summary>A Resend event as its documentation shows one (apis.md, "Webhooks").</summary>
    private static string Body(string type, string emailId) => JsonSerializer.Serialize(new
    {
        type,
        created_at = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        data = new
        {
            email_id = emailId, created_at = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture), from = "Acme <hello@example.com>",
            to = new[] { "bench@example.com" }, subject = "Your assessment", tags = new { step = "2" },
        },
    });
}
