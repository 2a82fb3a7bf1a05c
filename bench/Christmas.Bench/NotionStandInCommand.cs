using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Christmas.Tests.Fixtures.Notion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Christmas.Bench;

/// <summary>
/// Hosts the tests' Notion stand-in on <c>--port</c> with DESIGN.md's two databases, prints their ids
/// (<c>contacts=ID tracker=ID url=URL</c>), then serves until SIGTERM. <c>--budget</c> is the stand-in's
/// own limit (0: none; above it answers 429). The stand-in answers every path itself, so what it
/// received is read on port+1: <c>GET /bench/stats[?window=S][&amp;titles=1]</c>.
/// </summary>
public static class NotionStandInCommand
{
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(Options options)
    {
        var port = options.Int("port");
        var budget = double.Parse(options.Text("budget", "0"), CultureInfo.InvariantCulture);
        await using var standIn = await NotionStandIn.StartAsync(budget, port);
        var contacts = standIn.AddDatabase("Contacts", NotionLayouts.DesignContacts);
        var tracker = standIn.AddDatabase("Sequence Tracker", NotionLayouts.DesignTracker);
        Console.WriteLine($"contacts={contacts} tracker={tracker} url={standIn.BaseUrl}");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port + 1}");
        builder.Logging.ClearProviders();
        await using var stats = builder.Build();
        stats.MapGet("/bench/stats", (double? window, int? titles) => Results.Text(
            Stats(standIn, contacts, tracker, window, titles == 1).ToJsonString(Plain), "application/json"));
        Console.Error.WriteLine($"Notion stand-in on {standIn.BaseUrl} (budget {budget}/s), stats on http://127.0.0.1:{port + 1}/bench/stats");
        await stats.RunAsync(); // until SIGTERM or Ctrl+C
        return 0;
    }

    /// <summary>
    /// What the stand-in received. With <paramref name="window"/> (seconds), requests, byStatus and byRoute
    /// count only those that arrived within that long of the first one; tooMany, pages and duplicates are
    /// always the whole run and the stand-in's current content.
    /// </summary>
    private static JsonObject Stats(NotionStandIn standIn, string contactsDb, string trackerDb, double? window, bool titles)
    {
        var all = standIn.Requests; // in completion order; At is the arrival time
        DateTimeOffset? firstAt = all.Count > 0 ? all.Min(r => r.At) : null;
        var measured = window is { } w && firstAt is { } first ? all.Where(r => r.At < first + TimeSpan.FromSeconds(w)).ToList() : all;
        var contacts = standIn.Pages(contactsDb);
        var trackers = standIn.Pages(trackerDb);
        var result = new JsonObject
        {
            ["requests"] = measured.Count,
            ["byStatus"] = Counts(measured.Select(r => r.Status.ToString(CultureInfo.InvariantCulture))),
            ["byRoute"] = Counts(measured.Select(Route)),
            ["tooMany"] = standIn.TooManyRequestsAnswered,
            ["pages"] = new JsonObject { ["contacts"] = contacts.Count, ["tracker"] = trackers.Count },
            // A contact has one page per email; a sequence one per email, type and start.
            ["duplicates"] = new JsonObject
            {
                ["contacts"] = contacts.Count - contacts.Select(p => p.Email("Email")).Distinct().Count(),
                ["tracker"] = trackers.Count - trackers.Select(p => (p.Email("Email"), p.Select("Sequence Type"), p.DateStart("Started At"))).Distinct().Count(),
            },
            ["firstAt"] = firstAt?.ToString("O", CultureInfo.InvariantCulture),
            ["lastAt"] = measured.Count > 0 ? measured.Max(r => r.At).ToString("O", CultureInfo.InvariantCulture) : null,
            ["window"] = window,
        };
        // The contact pages' titles (the contact's first name), to check that the latest data won.
        if (titles) result["titles"] = Counts(contacts.Select(p => p.Text("Name") ?? ""));
        return result;
    }

    private static string Route(StandInRequest r) => (r.Method, r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)) switch
    {
        ("POST", ["v1", "data_sources", _, "query"]) => "query",
        ("POST", ["v1", "pages"]) => "create",
        ("PATCH", ["v1", "pages", _]) => "update",
        ("GET", _) => "read",
        _ => "other",
    };

    private static JsonObject Counts(IEnumerable<string> keys) =>
        new(keys.GroupBy(k => k).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count())));
}
