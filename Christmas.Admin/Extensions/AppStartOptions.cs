namespace Christmas.Admin.Extensions;

/// <summary>
/// Where the app finds its files. ASP.NET Core's content root is the working directory, so the
/// published app started from anywhere else found no <c>wwwroot</c> and served every static file
/// as an empty 200. A published app carries <c>wwwroot</c> next to its assembly: that directory is
/// its content root unless one is given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>).
/// <c>dotnet run</c> keeps the project directory, whose <c>wwwroot</c> is served from source.
/// </summary>
public static class AppStartOptions
{
    public static WebApplicationOptions For(string[] args)
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        return new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = !given && Directory.Exists(published) ? AppContext.BaseDirectory : null,
        };
    }
}
