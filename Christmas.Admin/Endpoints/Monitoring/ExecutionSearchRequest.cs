using Christmas.Core.Campaign.Live;
using System.Text.RegularExpressions;
using Christmas.Core.Common;
using Christmas.Core.Executions;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints.Monitoring;

/// <summary>
/// Kestra's execution search query, in both its forms: the 0.2x parameters (<c>namespace</c>, <c>flowId</c>,
/// <c>state</c> repeatable, <c>startDate</c>, <c>endDate</c>, <c>timeRange</c>, <c>labels</c>, <c>q</c>) and the
/// 2.0 <c>filters[field][OPERATION]=value</c>; plus <c>page</c>, <c>size</c> (up to 10,000) and <c>sort=field:asc|desc</c>.
/// Anything else, or a bad value, is an error naming the parameter.
/// </summary>
public static partial class ExecutionSearchRequest
{
    public const int DefaultSize = 25;
    public const int MaxSize = 10_000;

    private static readonly string[] Known = ["page", "size", "sort", "namespace", "flowId", "state", "startDate", "endDate", "timeRange", "labels", "q"];

    /// <returns>The filter and page, or the 400 answer.</returns>
    public static (ExecutionFilter Filter, PageRequest Page)? TryParse(IQueryCollection query, LiveCampaign handlers, DateTime now, out IResult? error)
    {
        error = QueryParameters.RefuseUnknown(query, Known, k => k.StartsWith("filters[", StringComparison.Ordinal));
        if (error is not null) return null;

        var criteria = new ExecutionCriteria(handlers, now);
        var page = criteria.ReadInt("page", query["page"], 1, int.MaxValue) ?? 1;
        var size = criteria.ReadInt("size", query["size"], 1, MaxSize) ?? DefaultSize;
        if ((long)(page - 1) * size > int.MaxValue) criteria.Fail("page", "page is too large for this size.");
        criteria.Sort("sort", query["sort"]);
        foreach (var ns in query["namespace"]) criteria.Namespace("namespace", ns, prefix: true);
        criteria.FlowIds("flowId", query["flowId"]);
        criteria.States("state", query["state"]);
        criteria.Start("startDate", query["startDate"].LastOrDefault());
        criteria.End("endDate", query["endDate"].LastOrDefault());
        criteria.TimeRange("timeRange", query["timeRange"].LastOrDefault());
        foreach (var label in query["labels"]) criteria.Label("labels", label);
        criteria.Text("q", query["q"].LastOrDefault());
        foreach (var (key, values) in query.Where(p => p.Key.StartsWith("filters[", StringComparison.Ordinal)))
            foreach (var value in values) ApplyFilter(criteria, key, value ?? "");

        if (criteria.Errors.Count > 0)
        {
            error = TypedResults.ValidationProblem(criteria.Errors, title: "One or more query parameters are invalid.");
            return null;
        }
        return (criteria.ToFilter(), new PageRequest(page, size));
    }

    /// <summary>Kestra 2.0's <c>filters[field][OPERATION]=value</c> (labels also <c>filters[labels][EQUALS][key]=value</c>).</summary>
    private static void ApplyFilter(ExecutionCriteria criteria, string key, string value)
    {
        var match = FilterKey().Match(key);
        if (!match.Success)
        {
            criteria.Fail(key, "Write filters as filters[field][OPERATION]=value, e.g. filters[namespace][PREFIX]=christmas.");
            return;
        }
        var (field, operation, labelKey) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3]);
        var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var done = (field, operation) switch
        {
            ("namespace", "EQUALS") => criteria.Namespace(key, value, prefix: false),
            ("namespace", "PREFIX" or "STARTS_WITH") => criteria.Namespace(key, value, prefix: true),
            ("flowId", "EQUALS" or "IN") => criteria.FlowIds(key, list),
            ("state", "EQUALS" or "IN") => criteria.States(key, list),
            ("startDate", "GREATER_THAN" or "GREATER_THAN_OR_EQUAL_TO") => criteria.Start(key, value),
            ("endDate", "LESS_THAN" or "LESS_THAN_OR_EQUAL_TO") => criteria.End(key, value),
            ("timeRange", "EQUALS") => criteria.TimeRange(key, value),
            ("q", "EQUALS" or "CONTAINS") => criteria.Text(key, value),
            ("scope", "EQUALS" or "IN") => criteria.Scope(key, list),
            ("labels", "EQUALS") => criteria.Label(key, labelKey.Success ? $"{labelKey.Value}:{value}" : value),
            _ => false,
        };
        if (!done && !criteria.Errors.ContainsKey(key))
            criteria.Fail(key, $"filters[{field}][{operation}] is not supported. Supported: namespace EQUALS|PREFIX, flowId EQUALS|IN, state EQUALS|IN, "
                + "startDate GREATER_THAN(_OR_EQUAL_TO), endDate LESS_THAN(_OR_EQUAL_TO), timeRange EQUALS, q EQUALS|CONTAINS, scope EQUALS|IN, labels EQUALS.");
    }

    [GeneratedRegex(@"^filters\[(\w+)\]\[(\w+)\](?:\[([\p{L}0-9._-]+)\])?$")]
    private static partial Regex FilterKey();
}
