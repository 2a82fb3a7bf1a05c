using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Christmas.Bench;

/// <summary>
/// Open-loop load at a fixed rate: request i starts at i/rps seconds whether or not earlier ones
/// have finished (wrk keeps a fixed number of requests in flight, so a slow server would slow
/// the load and hide its own latency). Latency is measured from the scheduled start, so a late
/// start counts against the server too.
/// </summary>
public static class RateCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Text("url");
        var rps = options.Int("rps", 200);
        var total = rps * options.Int("seconds", 30);
        var tag = options.Text("tag", "rate");
        var anchor = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        // Connections are opened as needed (no cap): an open loop must never queue in the client.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        }) { Timeout = TimeSpan.FromSeconds(10) };

        var latencies = new double[total];
        var statuses = new int[total]; // 0: no answer (exception)
        var clock = Stopwatch.StartNew();
        var requests = new Task[total];
        for (var i = 0; i < total; i++)
        {
            var scheduled = TimeSpan.FromSeconds(i / (double)rps);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            requests[i] = SendAsync(i, scheduled);
        }
        await Task.WhenAll(requests);

        var ok = statuses.Count(s => s == 200);
        var failures = statuses.Where(s => s != 200).GroupBy(s => s == 0 ? "no-answer" : s.ToString())
            .Select(g => $"{g.Key}x{g.Count()}");
        Console.WriteLine($"rate: target={rps}/s sent={total} ok={ok} errors={total - ok} {Stats.Summary(latencies)} " +
                          $"elapsed={clock.Elapsed.TotalSeconds:0.0}s {string.Join(' ', failures)}".TrimEnd());
        return 0;

        async Task SendAsync(int i, TimeSpan scheduled)
        {
            try
            {
                using var content = new StringContent(Body($"bench-{tag}-{i}@example.com", anchor), Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content);
                await response.Content.ReadAsByteArrayAsync();
                statuses[i] = (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                statuses[i] = 0;
            }
            latencies[i] = (clock.Elapsed - scheduled).TotalMilliseconds;
        }
    }

    /// <summary>The integration guide's assessment example (Christmas.Tests/Fixtures/Webhooks.cs), with a unique email.</summary>
    internal static string Body(string email, string anchor, string firstName = "Sarah") => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["email"] = email, ["first_name"] = firstName, ["business_name"] = "Sarah's Salon",
        ["red_systems"] = 2, ["orange_systems"] = 1, ["yellow_systems"] = 2, ["green_systems"] = 3,
        ["weakest_system_1"] = "GPS", ["weakest_system_2"] = "Money", ["revenue_leak_total"] = 14700,
        ["email_1_sent_at"] = anchor, ["email_1_status"] = "sent",
    });
}
