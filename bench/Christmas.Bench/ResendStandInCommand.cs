using System.Globalization;
using Christmas.Tests.Fixtures;

namespace Christmas.Bench;

/// <summary>
/// Runs the Resend stand-in on a port until <c>--count</c> requests were accepted, <c>--emails</c> emails
/// delivered (singly or in batches) or, with <c>--seconds</c>, that long after the first arrival; then prints
/// what arrived: requests, emails, emails delivered more than once to one address, 429s.
/// </summary>
public static class ResendStandInCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        await using var standIn = await ResendStandIn.StartAsync(options.Int("port"));
        standIn.RequestsPerSecondLimit = options.Int("limit", 0);
        // --latency-ms: a real provider's round trip, so a kill can land while a request is in flight.
        standIn.Latency = TimeSpan.FromMilliseconds(options.Int("latency-ms", 0));
        var count = options.Int("count", int.MaxValue);
        var emails = options.Int("emails", int.MaxValue);
        var window = TimeSpan.FromSeconds(options.Int("seconds", 0));
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(options.Int("timeout", 600));
        Console.Error.WriteLine($"stand-in listening on {standIn.BaseUrl}");

        // --mark FILE: written at the first arrival, so a script can kill the app while requests are in flight.
        var mark = options.Find("mark");
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
            var arrivals = standIn.Arrivals.ToList();
            if (mark is not null && (arrivals.Count > 0 || standIn.InFlight > 0) && !File.Exists(mark)) await File.WriteAllTextAsync(mark, "");
            if (standIn.Accepted >= count || standIn.Delivered.Count >= emails)
            {
                // --linger S: a while longer, so an email delivered twice late is still counted.
                await Task.Delay(TimeSpan.FromSeconds(options.Int("linger", 0)));
                break;
            }
            if (window > TimeSpan.Zero && arrivals.Count > 0 && DateTimeOffset.UtcNow - arrivals.Min(a => a.At) >= window) break;
        }

        var all = standIn.Arrivals.ToList();
        var measured = window > TimeSpan.Zero && all.Count > 0 ? all.Where(a => a.At - all.Min(x => x.At) < window).ToList() : all;
        var accepted = measured.Count(a => a.Status == 200);
        var span = measured.Count > 1 ? (measured.Max(a => a.At) - measured.Min(a => a.At)).TotalSeconds : 0;
        var seconds = window > TimeSpan.Zero ? window.TotalSeconds : span;
        var perSecond = seconds > 0 ? accepted / seconds : 0;
        var delivered = standIn.Delivered.Select(d => d.GetProperty("to")[0].GetString()).ToList();
        var duplicates = delivered.Count - delivered.Distinct().Count();
        var batches = all.Where(a => a.Batch).Select(a => a.IdempotencyKey).Distinct().Count();
        // Requests whose key had been seen before: a retry, or a batch sent again after a kill (answered, never delivered twice).
        var resent = all.Count(a => a.IdempotencyKey is not null) - all.Where(a => a.IdempotencyKey is not null).Select(a => a.IdempotencyKey).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted={accepted} requests={measured.Count} batches={batches} resent={resent} emails={delivered.Count} duplicates={duplicates} over={seconds:F1}s per_second={perSecond:F2} status_429={standIn.TooManyRequestsAnswered} timed_out={(DateTimeOffset.UtcNow >= deadline ? "yes" : "no")}"));
        return 0;
    }
}
