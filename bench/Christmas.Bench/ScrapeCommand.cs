using System.Diagnostics;
using System.Net.Http.Headers;

namespace Christmas.Bench;

/// <summary>Times <c>GET /metrics</c> as Prometheus sends it (with the bearer token), one scrape after another.</summary>
public static class ScrapeCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Find("url") ?? throw new ArgumentException("--url is required (http://host:port/metrics).");
        var token = options.Find("token") ?? throw new ArgumentException("--token is required (Admin:ApiToken).");
        var runs = options.Int("runs", 50);
        var pause = TimeSpan.FromMilliseconds(options.Int("pause-ms", 0));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Accept.ParseAdd("text/plain;version=0.0.4");

        (await http.GetAsync(url)).EnsureSuccessStatusCode(); // warm-up: the first scrape builds the exporter's buffers
        var times = new List<double>(runs);
        long bytes = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var body = await http.GetByteArrayAsync(url);
            times.Add(clock.Elapsed.TotalMilliseconds);
            bytes = body.Length;
            if (pause > TimeSpan.Zero) await Task.Delay(pause);
        }
        Console.WriteLine($"scrape: runs={runs} bytes={bytes} {Stats.Summary(times)}");
        return 0;
    }
}
