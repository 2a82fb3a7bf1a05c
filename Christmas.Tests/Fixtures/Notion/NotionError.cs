using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// An error answer in Notion's shape (<c>{"object":"error","status","code","message","request_id"}</c>).
/// Endpoints throw it; the pipeline turns it into the response.
/// </summary>
internal sealed class NotionError(int status, string code, string message, JsonObject? additionalData = null) : Exception(message)
{
    public int Status => status;
    public string Code => code;

    public static NotionError Validation(string message) => new(400, "validation_error", message);

    public static NotionError NotFound(string kind, string id) => new(404, "object_not_found",
        $"Could not find {kind} with ID: {id}. Make sure the relevant pages and databases are shared with your integration.");

    public static NotionError RateLimited(int status = 429) => new(status, "rate_limited",
        "You have been rate limited. Please try again in a few minutes.",
        new JsonObject { ["rate_limit_reason"] = "public_api_request_rate_limit" });

    /// <summary>A failure a test scripted; the message is a plausible one for the code.</summary>
    public static NotionError Scripted(int status, string code) => code == "rate_limited" ? RateLimited(status) : new(status, code, code switch
    {
        "service_unavailable" => "Notion is unavailable, please try again later.",
        "service_overload" => "Notion is overloaded, please try again later.",
        "gateway_timeout" => "Notion timed out while processing the request.",
        "internal_server_error" => "Unexpected error occurred.",
        "conflict_error" => "Conflict occurred while saving. Please try again.",
        _ => $"Scripted failure ({code}) from the Notion stand-in.",
    });

    /// <summary>The code Notion sends with a status, for faults scripted by status alone.</summary>
    public static string CodeFor(int status) => status switch
    {
        429 => "rate_limited",
        409 => "conflict_error",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        529 => "service_overload",
        _ => "internal_server_error",
    };

    public Answer ToAnswer()
    {
        var body = new JsonObject
        {
            ["object"] = "error",
            ["status"] = status,
            ["code"] = code,
            ["message"] = Message,
            ["request_id"] = Guid.NewGuid().ToString(),
        };
        if (additionalData is not null) body["additional_data"] = additionalData.DeepClone();
        return new Answer(status, body);
    }
}
