using Microsoft.AspNetCore.Http.HttpResults;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// The guide's Kestra UI links: <c>/ui/executions</c> opens the webhook calls page, and a Kestra execution
/// link (<c>/ui/executions/{namespace}/{flowId}/{id}</c>) opens that call. The pages ask for sign-in themselves.
/// </summary>
public static class KestraUiRedirects
{
    public static IEndpointRouteBuilder MapKestraUiRedirects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ui/executions").WithTags("Console").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("", ToExecutions);
        group.MapGet("/{ns}/{flowId}/{id}", ToExecution);
        return app;
    }

    private static RedirectHttpResult ToExecutions() => TypedResults.Redirect("/executions");

    private static RedirectHttpResult ToExecution(string id) => TypedResults.Redirect($"/executions/{Uri.EscapeDataString(id)}");
}
