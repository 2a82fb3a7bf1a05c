namespace Christmas.Tests.Fixtures.Browser;

/// <summary>Where browser tests put their screenshots: TestResults/screenshots next to the solution (beside results.trx).</summary>
public static class Screenshots
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Christmas.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? AppContext.BaseDirectory;
        var path = Path.Combine(root, "TestResults", "screenshots");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
