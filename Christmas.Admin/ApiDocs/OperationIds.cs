using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Christmas.Admin.ApiDocs;

/// <summary>
/// An operation's id, for generated clients: the endpoint's name (<c>WithName</c>) if it has one, else its
/// area (the handler's class: <c>ContactsApi</c> is "contacts") and its named handler (<c>GetAsync</c> is
/// "Get"): <c>contactsGet</c>. The Kestra tenant copies under <c>/api/v1/main/</c> are <c>tenant…</c>; a
/// handler without a usable name (a lambda) gets one from its method and path.
/// </summary>
public static class OperationIds
{
    private const string TenantPrefix = "api/v1/main/";

    public static string For(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var name = metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName
            ?? (metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler ? AreaOf(handler) + Trim(handler.Name, "Async") : null);
        if (name is null || !IsIdentifier(name)) name = FromRoute(description.HttpMethod ?? "get", description.RelativePath ?? "");
        var id = CamelCase(name);
        return description.RelativePath?.StartsWith(TenantPrefix, StringComparison.Ordinal) == true
            ? "tenant" + char.ToUpperInvariant(id[0]) + id[1..]
            : id;
    }

    /// <summary>"GET api/v1/executions/{id}/logs" is "getApiV1ExecutionsByIdLogs".</summary>
    public static string FromRoute(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var parameter = segment.StartsWith('{');
            var words = segment.Trim('{', '}').Split(':')[0].Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries);
            if (parameter) id.Append("By");
            foreach (var word in words.Where(w => w.Length > 0 && char.IsLetterOrDigit(w[0])))
                id.Append(char.ToUpperInvariant(word[0])).Append(new string(word[1..].Where(char.IsLetterOrDigit).ToArray()));
        }
        return id.ToString();
    }

    private static string AreaOf(MethodInfo handler) =>
        handler.DeclaringType is { } type ? Trim(Trim(Trim(type.Name, "Api"), "Endpoints"), "Routes") : "";

    private static string Trim(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;

    private static bool IsIdentifier(string name) => name.Length > 0 && char.IsLetter(name[0]) && name.All(char.IsLetterOrDigit);

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
