using System.Globalization;
using System.Text.Json;
using System.Xml;
using Christmas.Core.Campaign.Live;
using Christmas.Core.Common;
using Christmas.Core.SendRules;
using Christmas.Core.Webhooks;

namespace Christmas.Core.Simulation;

/// <summary>
/// Reads <c>POST /api/simulations</c>'s body (the console page sends the same): every bad field is named,
/// and each webhook call is judged by the webhook's own validator as if received at its time.
/// </summary>
public sealed class SimulationRequestReader(WebhookValidator validator)
{
    private static readonly string[] Known = ["days", "contacts", "testingMode", "quietHours", "minimumGap", "offerEndsAt", "definition"];

    /// <param name="draft">The draft compiled, played instead of the published revision with <c>"definition": "draft"</c>; null: there is none.</param>
    /// <returns>The request, or null with the errors per field.</returns>
    public (SimulationRequest? Request, Dictionary<string, string[]> Errors) Read(JsonElement body, DateTime now, LiveCampaign published, LiveCampaign? draft)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["The body must be a JSON object such as {\"days\": 10}."];
            return (null, errors);
        }
        foreach (var unknown in body.EnumerateObject().Select(p => p.Name).Where(n => !Known.Contains(n)))
            errors[unknown] = [$"{unknown} is not a simulation field; known: {string.Join(", ", Known)}."];

        var campaign = ReadDefinition(body, published, draft, errors);
        var days = ReadDays(body, errors);
        var start = now;
        var end = start.AddDays(days);
        var calls = ReadCalls(body, campaign, start, end, errors);
        bool? testing = null;
        if (Present(body, "testingMode", out var t))
        {
            if (t.ValueKind is JsonValueKind.True or JsonValueKind.False) testing = t.GetBoolean();
            else errors["testingMode"] = ["testingMode must be true or false."];
        }
        var overrides = ReadOverrides(body, errors);
        return errors.Count > 0 ? (null, errors) : (new SimulationRequest(start, days, calls, testing, overrides, campaign), errors);
    }

    private static LiveCampaign ReadDefinition(JsonElement body, LiveCampaign published, LiveCampaign? draft, Dictionary<string, string[]> errors)
    {
        if (!Present(body, "definition", out var value)) return published;
        var name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (name == "published") return published;
        if (name == "draft")
        {
            if (draft is not null) return draft;
            errors["definition"] = ["There is no draft to simulate: save one first (PUT /api/campaign/draft), or leave definition out."];
            return published;
        }
        errors["definition"] = ["definition must be \"published\" (the default) or \"draft\"."];
        return published;
    }

    private static int ReadDays(JsonElement body, Dictionary<string, string[]> errors)
    {
        if (!Present(body, "days", out var value)) return 10;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var days)
            && days is >= SimulationRequest.MinDays and <= SimulationRequest.MaxDays) return days;
        errors["days"] = [$"days must be a whole number from {SimulationRequest.MinDays} to {SimulationRequest.MaxDays}."];
        return SimulationRequest.MinDays;
    }

    private List<SimulatedCall> ReadCalls(JsonElement body, LiveCampaign campaign, DateTime start, DateTime end, Dictionary<string, string[]> errors)
    {
        var calls = new List<SimulatedCall>();
        if (!Present(body, "contacts", out var list)) return calls;
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > SimulationRequest.MaxCalls)
        {
            errors["contacts"] = [$"contacts must be a list of 1 to {SimulationRequest.MaxCalls} webhook calls ({{\"handler\": \"assessment-handler\", \"at\"?: ..., ...the webhook's body}}); leave it out to simulate every active sequence."];
            return calls;
        }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (ReadCall(item, campaign, index, start, end, errors) is { } call) calls.Add(call);
            index++;
        }
        return calls;
    }

    private SimulatedCall? ReadCall(JsonElement item, LiveCampaign campaign, int index, DateTime start, DateTime end, Dictionary<string, string[]> errors)
    {
        var prefix = $"contacts[{index}]";
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors[prefix] = [$"{prefix} must be an object: {{\"handler\": \"...\", ...the webhook's body}}."];
            return null;
        }
        var name = item.TryGetProperty("handler", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        if (name is null || campaign.Handler(name) is not { } handler)
        {
            errors[$"{prefix}.handler"] = [$"handler must be one of: {string.Join(", ", campaign.Handlers.Select(x => x.Name))}."];
            return null;
        }
        var at = start;
        if (Present(item, "at", out var when))
        {
            if (ReadAt(when, start) is not { } parsed || parsed < start || parsed > end)
            {
                errors[$"{prefix}.at"] = [$"at must be a time within the simulated days ({Iso(start)} to {Iso(end)}): an ISO 8601 timestamp with an offset, or an ISO 8601 duration from the start such as \"PT2H\" or \"P1DT6H\"."];
                return null;
            }
            at = parsed;
        }
        var validation = validator.Validate(handler, WebhookBody(item), at);
        if (validation.Input is { } input) return new SimulatedCall(index, input, at);
        foreach (var (field, messages) in validation.Errors) errors[$"{prefix}.{field}"] = messages;
        return null;
    }

    /// <summary>The call without the simulation's own fields: what the website would post.</summary>
    private static JsonElement WebhookBody(JsonElement item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in item.EnumerateObject().Where(p => p.Name is not ("handler" or "at"))) property.WriteTo(writer);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static DateTime? ReadAt(JsonElement value, DateTime start)
    {
        if (!JsonText.TryGetString(value, out var text) || text.Trim() is not { Length: > 0 } trimmed) return null;
        if (WebhookValidator.TryParseTimestamp(trimmed, out var utc)) return utc;
        TimeSpan offset;
        try
        {
            if (trimmed.StartsWith('P')) offset = XmlConvert.ToTimeSpan(trimmed);
            else if (!TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out offset)) return null;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return null;
        }
        // Beyond any simulation (and DateTime's range): refused like any time outside the days.
        return offset.Duration() <= TimeSpan.FromDays(SimulationRequest.MaxDays + 1) ? start + offset : null;
    }

    private static RuleOverrides ReadOverrides(JsonElement body, Dictionary<string, string[]> errors)
    {
        var overrides = RuleOverrides.None;
        var (hasQuiet, quiet) = Setting(body, "quietHours", errors);
        if (hasQuiet)
        {
            if (quiet is not null && QuietHours.TryParse(quiet, out _) is { } error)
                errors["quietHours"] = [error.Replace("Campaign:QuietHours", "quietHours") + " Send \"off\" for none."];
            overrides = overrides with { HasQuietHours = true, QuietHours = quiet };
        }
        var (hasGap, gapText) = Setting(body, "minimumGap", errors);
        if (hasGap)
        {
            TimeSpan? gap = null;
            if (gapText is not null)
            {
                if (TimeSpan.TryParseExact(gapText, "c", CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero) gap = parsed;
                else errors["minimumGap"] = ["minimumGap must be a time span over zero such as \"12:00:00\", or \"off\"."];
            }
            overrides = overrides with { HasMinimumGap = true, MinimumGap = gap };
        }
        var (hasEnd, endText) = Setting(body, "offerEndsAt", errors);
        if (hasEnd)
        {
            DateTimeOffset? end = null;
            if (endText is not null)
            {
                if (WebhookValidator.TryParseTimestamp(endText, out var utc)) end = new DateTimeOffset(utc, TimeSpan.Zero);
                else errors["offerEndsAt"] = ["offerEndsAt must be an ISO 8601 timestamp with an offset such as \"2026-12-20T23:59:00-05:00\", or \"off\"."];
            }
            overrides = overrides with { HasOfferEndsAt = true, OfferEndsAt = end };
        }
        return overrides;
    }

    /// <returns>Whether the rule was given, and its text (null: "off" or empty, the rule is off).</returns>
    private static (bool Given, string? Text) Setting(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!Present(body, name, out var value)) return (false, null);
        if (!JsonText.TryGetString(value, out var text))
        {
            errors[name] = [$"{name} must be a string (\"off\" for none)."];
            return (false, null);
        }
        var trimmed = text.Trim();
        return (true, trimmed.Length == 0 || trimmed.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : trimmed);
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private static bool Present(JsonElement body, string name, out JsonElement value) =>
        body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
