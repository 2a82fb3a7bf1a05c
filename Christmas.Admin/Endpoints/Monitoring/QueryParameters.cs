namespace Christmas.Admin.Endpoints.Monitoring;

/// <summary>
/// Kestra refuses query parameters it does not know; so do we, rather than ignore a misspelt filter
/// and answer everything: 400 problem+json naming each unknown parameter.
/// </summary>
public static class QueryParameters
{
    /// <returns>The 400 answer, or null when every parameter is known.</returns>
    public static IResult? RefuseUnknown(IQueryCollection query, IReadOnlyCollection<string> known, Func<string, bool>? alsoKnown = null)
    {
        var unknown = query.Keys.Where(k => !known.Contains(k) && alsoKnown?.Invoke(k) != true).ToList();
        if (unknown.Count == 0) return null;
        var accepted = known.Count == 0 ? "This endpoint takes no query parameters." : $"Known: {string.Join(", ", known)}.";
        return TypedResults.ValidationProblem(
            unknown.ToDictionary(k => k, k => new[] { $"Unknown query parameter '{k}'. {accepted}" }),
            title: $"Unknown query parameter(s): {string.Join(", ", unknown)}.");
    }

    /// <summary>An endpoint filter refusing unknown query parameters.</summary>
    public static TBuilder AcceptsQuery<TBuilder>(this TBuilder builder, params string[] known) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            RefuseUnknown(context.HttpContext.Request.Query, known) ?? await next(context));
}
