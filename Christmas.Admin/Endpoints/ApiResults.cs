using Christmas.Core.Common;

namespace Christmas.Admin.Endpoints;

/// <summary>Maps Core outcomes and query-string errors onto HTTP answers the same way in every API.</summary>
public static class ApiResults
{
    public static IResult From<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: outcome.Error),
        OutcomeKind.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", detail: outcome.Error),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: outcome.Error),
    };

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail);

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "One or more fields are invalid.");

    /// <summary>Checks page and size query values; null when valid.</summary>
    public static IResult? CheckPage(int? page, int? size, int defaultSize, out PageRequest request)
    {
        var error = PageRequest.TryCreate(page, size, defaultSize, out request);
        return error is null ? null : Invalid(error.StartsWith("page") ? "page" : "size", error);
    }
}
