using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Christmas.Core.Notion.Client;

/// <summary>
/// The few Notion endpoints we use, at version 2025-09-03 (set on the client by
/// <see cref="NotionServiceCollectionExtensions"/>, with the token, the shared rate gate and retries).
/// What reaches the caller is final: an answer, or a <see cref="NotionApiException"/>.
/// </summary>
public sealed class NotionClient(HttpClient http)
{
    public const int MaxPageSize = 100;

    public async Task<NotionDatabase> GetDatabaseAsync(string databaseId, CancellationToken ct)
    {
        var root = await SendAsync(HttpMethod.Get, $"v1/databases/{Uri.EscapeDataString(databaseId)}", null, ct);
        var sources = root.TryGetProperty("data_sources", out var ds) && ds.ValueKind == JsonValueKind.Array
            ? ds.EnumerateArray().Select(s => new NotionDataSourceRef(s.GetProperty("id").GetString()!, s.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "")).ToList()
            : [];
        return new NotionDatabase(root.GetProperty("id").GetString()!, PlainTitle(root), sources);
    }

    public async Task<NotionDataSource> GetDataSourceAsync(string dataSourceId, CancellationToken ct)
    {
        var root = await SendAsync(HttpMethod.Get, $"v1/data_sources/{Uri.EscapeDataString(dataSourceId)}", null, ct);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("properties", out var props))
            foreach (var p in props.EnumerateObject())
                properties[p.Name] = p.Value.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        return new NotionDataSource(root.GetProperty("id").GetString()!, properties);
    }

    /// <summary>One page of results, oldest page first (so "the first of several duplicates" is stable).</summary>
    public async Task<NotionQueryResult> QueryAsync(string dataSourceId, JsonObject? filter, string? startCursor, CancellationToken ct, int pageSize = MaxPageSize)
    {
        var body = new JsonObject
        {
            ["page_size"] = Math.Clamp(pageSize, 1, MaxPageSize),
            ["sorts"] = new JsonArray(new JsonObject { ["timestamp"] = "created_time", ["direction"] = "ascending" }),
        };
        if (filter is not null) body["filter"] = filter;
        if (startCursor is not null) body["start_cursor"] = startCursor;
        var root = await SendAsync(HttpMethod.Post, $"v1/data_sources/{Uri.EscapeDataString(dataSourceId)}/query", body, ct);
        var results = root.GetProperty("results").EnumerateArray()
            .Where(r => !r.TryGetProperty("object", out var o) || o.GetString() == "page")
            .Select(NotionPage.Parse).ToList();
        var next = root.TryGetProperty("next_cursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return new NotionQueryResult(results, next, root.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True && next is not null);
    }

    /// <summary>Every matching page, following the cursor until Notion says there are no more.</summary>
    public async IAsyncEnumerable<NotionPage> QueryAllAsync(string dataSourceId, JsonObject? filter, [EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await QueryAsync(dataSourceId, filter?.DeepClone().AsObject(), cursor, ct);
            foreach (var result in page.Results) yield return result;
            cursor = page.HasMore ? page.NextCursor : null;
        } while (cursor is not null);
    }

    public async Task<NotionPage> CreatePageAsync(string dataSourceId, JsonObject properties, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["parent"] = new JsonObject { ["type"] = "data_source_id", ["data_source_id"] = dataSourceId },
            ["properties"] = properties,
        };
        return NotionPage.Parse(await SendAsync(HttpMethod.Post, "v1/pages", body, ct));
    }

    public async Task<NotionPage> UpdatePageAsync(string pageId, JsonObject properties, CancellationToken ct) =>
        NotionPage.Parse(await SendAsync(HttpMethod.Patch, $"v1/pages/{Uri.EscapeDataString(pageId)}", new JsonObject { ["properties"] = properties }, ct));

    /// <summary>Moves the page to Notion's trash (restorable there for a while, then gone).</summary>
    public async Task<NotionPage> TrashPageAsync(string pageId, CancellationToken ct) =>
        NotionPage.Parse(await SendAsync(HttpMethod.Patch, $"v1/pages/{Uri.EscapeDataString(pageId)}", new JsonObject { ["in_trash"] = true }, ct));

    public async Task<NotionPage> GetPageAsync(string pageId, CancellationToken ct) =>
        NotionPage.Parse(await SendAsync(HttpMethod.Get, $"v1/pages/{Uri.EscapeDataString(pageId)}", null, ct));

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Retries (for reads) are spent, or a write got no answer: the caller decides (a write is looked up first).
            throw new NotionApiException(0, ex is TimeoutException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException ? "timeout" : "network_error", ex.Message, inner: ex);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                using var ok = JsonDocument.Parse(text);
                return ok.RootElement.Clone();
            }
            throw Error(response, text);
        }
    }

    private static NotionApiException Error(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var retryAfter = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            return new NotionApiException(status,
                root.TryGetProperty("code", out var code) ? code.GetString() ?? "unknown" : "unknown",
                root.TryGetProperty("message", out var message) ? message.GetString() ?? "" : text, retryAfter);
        }
        catch (JsonException)
        {
            return new NotionApiException(status, "unknown", text.Length > 300 ? text[..300] : text, retryAfter);
        }
    }

    private static string PlainTitle(JsonElement root) =>
        root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.Array
            ? string.Concat(title.EnumerateArray().Select(t => t.TryGetProperty("plain_text", out var p) ? p.GetString() : ""))
            : "";
}
