using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Christmas.Bench;

/// <summary>
/// An exact number of webhooks, as fast as <c>--concurrency</c> allows (wrk runs for a time, not a
/// count): <c>--each</c> rounds over <c>--contacts</c> emails <c>bench-TAG-N@example.com</c>, round r
/// with first name <c>Sarah-r</c> (just <c>Sarah</c> when there is one round). A round ends before the
/// next starts, so each contact's last call carries the last round's name.
/// </summary>
public static class WebhooksCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Text("url");
        var kind = options.Text("kind", "signup");
        if (kind is not ("signup" or "assessment")) throw new ArgumentException("--kind is signup or assessment.");
        var contacts = options.Int("contacts");
        var each = options.Int("each", 1);
        var concurrency = options.Int("concurrency", 16);
        var tag = options.Text("tag", kind);
        var anchor = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        var statuses = new List<int>();
        var clock = Stopwatch.StartNew();
        for (var round = 1; round <= each; round++)
        {
            var firstName = each == 1 ? "Sarah" : $"Sarah-{round}";
            var answers = new int[contacts];
            await Parallel.ForEachAsync(Enumerable.Range(0, contacts), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, ct) =>
            {
                var email = $"bench-{tag}-{n}@example.com";
                var body = kind == "signup" ? Signup(email, firstName) : RateCommand.Body(email, anchor, firstName);
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(url, content, ct);
                    answers[n] = (int)response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    answers[n] = 0;
                }
            });
            statuses.AddRange(answers);
        }

        var ok = statuses.Count(s => s == 200);
        var failures = statuses.Where(s => s != 200).GroupBy(s => s == 0 ? "no-answer" : s.ToString(CultureInfo.InvariantCulture))
            .Select(g => $"{g.Key}x{g.Count()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"webhooks: kind={kind} posted={statuses.Count} ok={ok} errors={statuses.Count - ok} contacts={contacts} each={each} " +
            $"seconds={clock.Elapsed.TotalSeconds:0.0} last_first_name={(each == 1 ? "Sarah" : $"Sarah-{each}")} {string.Join(' ', failures)}").TrimEnd());
        return 0;
    }

    /// <summary>The integration guide's signup example (Christmas.Tests/Fixtures/Webhooks.cs).</summary>
    private static string Signup(string email, string firstName) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["email"] = email, ["first_name"] = firstName, ["business_name"] = "Sarah's Salon",
    });
}
