using Christmas.Core.Campaign.Live;
using System.Globalization;
using System.Xml;
using Christmas.Core.Executions;
using Christmas.Core.Webhooks;
using Microsoft.Extensions.Primitives;

namespace Christmas.Admin.Endpoints.Monitoring;

/// <summary>Collects the search criteria of <see cref="ExecutionSearchRequest"/>, and an error per bad parameter.</summary>
internal sealed class ExecutionCriteria(LiveCampaign handlers, DateTime now)
{
    private readonly List<string> _flowIds = [];
    private readonly List<string> _states = [];
    private DateTime? _start;
    private DateTime? _end;
    private string? _text;
    private string? _triggerKind;
    private bool? _deduplicated;
    private bool _nothing;
    private ExecutionSort _sort = ExecutionSort.Newest;

    public Dictionary<string, string[]> Errors { get; } = [];

    public ExecutionFilter ToFilter() => new()
    {
        FlowIds = _flowIds, States = _states, StartDate = _start, EndDate = _end, Text = _text,
        TriggerKind = _triggerKind, Deduplicated = _deduplicated, MatchesNothing = _nothing, Sort = _sort,
    };

    public bool Fail(string parameter, string message)
    {
        Errors[parameter] = [message];
        return false;
    }

    public int? ReadInt(string parameter, StringValues values, int min, int max)
    {
        if (values.Count == 0) return null;
        if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Fail(parameter, $"{parameter} must be one whole number from {min} to {max:N0}.");
            return null;
        }
        return value;
    }

    public void Sort(string parameter, StringValues values)
    {
        if (values.Count == 0) return;
        if (values.Count == 1 && ExecutionSort.Parse(values[0] ?? "") is { } sort) _sort = sort;
        else Fail(parameter, $"sort must be one field:asc or field:desc, the field one of {string.Join(", ", ExecutionSort.Fields.Keys)}.");
    }

    /// <summary>Ours is the only namespace: a namespace filter that does not match it matches nothing.</summary>
    public bool Namespace(string parameter, string? value, bool prefix)
    {
        if (string.IsNullOrEmpty(value)) return Fail(parameter, "namespace must not be empty.");
        var matches = prefix ? Execution.Namespace.StartsWith(value, StringComparison.Ordinal) : Execution.Namespace == value;
        _nothing |= !matches;
        return true;
    }

    public bool FlowIds(string parameter, IEnumerable<string?> values)
    {
        foreach (var flowId in values)
        {
            if (string.IsNullOrEmpty(flowId) || handlers.Handler(flowId) is null)
                return Fail(parameter, $"flowId '{flowId}' is not one of the handlers: {string.Join(", ", handlers.Handlers.Select(h => h.Name))}.");
            _flowIds.Add(flowId);
        }
        return true;
    }

    public bool States(string parameter, IEnumerable<string?> values)
    {
        foreach (var state in values)
        {
            var name = state?.ToUpperInvariant() ?? "";
            if (!ExecutionState.KestraNames.Contains(name))
                return Fail(parameter, $"state '{state}' is not a Kestra state: {string.Join(", ", ExecutionState.KestraNames)}.");
            _states.Add(name);
        }
        return true;
    }

    public bool Start(string parameter, string? text)
    {
        if (string.IsNullOrEmpty(text)) return true;
        if (!TryParseDate(text, out var start)) return Fail(parameter, $"{parameter} must be an ISO 8601 timestamp with an offset.");
        _start = _start is { } other && other > start ? other : start;
        return true;
    }

    public bool End(string parameter, string? text)
    {
        if (string.IsNullOrEmpty(text)) return true;
        if (!TryParseDate(text, out var end)) return Fail(parameter, $"{parameter} must be an ISO 8601 timestamp with an offset.");
        _end = _end is { } other && other < end ? other : end;
        return true;
    }

    /// <summary>Kestra's <c>timeRange</c>: an ISO 8601 duration back from now (PT24H, P7D).</summary>
    public bool TimeRange(string parameter, string? text)
    {
        if (string.IsNullOrEmpty(text)) return true;
        TimeSpan range;
        try { range = XmlConvert.ToTimeSpan(text); }
        catch (FormatException) { return Fail(parameter, $"{parameter} must be an ISO 8601 duration such as PT24H or P7D."); }
        catch (OverflowException) { return Fail(parameter, $"{parameter} must be an ISO 8601 duration such as PT24H or P7D."); }
        if (range <= TimeSpan.Zero) return Fail(parameter, $"{parameter} must be a positive duration.");
        var start = range > now - DateTime.MinValue ? DateTime.MinValue : now - range;
        _start = _start is { } other && other > start ? other : start;
        return true;
    }

    /// <summary>Our labels: <c>trigger:webhook|manual|replay</c> and <c>deduplicated:true|false</c>; any other label matches nothing.</summary>
    public bool Label(string parameter, string? label)
    {
        var parts = label?.Split(':', 2);
        if (parts is not [{ Length: > 0 } key, { Length: > 0 } value]) return Fail(parameter, "A label filter is key:value, e.g. trigger:webhook.");
        switch (key)
        {
            case "trigger": _triggerKind = value; break;
            case "deduplicated" when bool.TryParse(value, out var deduplicated): _deduplicated = deduplicated; break;
            default: _nothing = true; break;
        }
        return true;
    }

    public bool Text(string parameter, string? text)
    {
        if (text is { Length: > 200 }) return Fail(parameter, $"{parameter} must be at most 200 characters.");
        if (!string.IsNullOrWhiteSpace(text)) _text = text.Trim();
        return true;
    }

    /// <summary>Kestra 2.0's scope: USER executions (ours) or SYSTEM ones (we have none).</summary>
    public bool Scope(string parameter, IEnumerable<string> values)
    {
        var scopes = values.Select(v => v.ToUpperInvariant()).ToList();
        if (scopes.Any(s => s is not ("USER" or "SYSTEM"))) return Fail(parameter, "scope is USER or SYSTEM.");
        _nothing |= !scopes.Contains("USER");
        return true;
    }

    private static bool TryParseDate(string text, out DateTime value)
    {
        value = default;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        value = parsed.UtcDateTime;
        return true;
    }
}
