using System.Net;
using System.Runtime.Versioning;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Core.Persistence;

/// <summary>The data directory (every contact, the keys, the backups) is readable by the app's own user only.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryPermissionsTests
{
    private const UnixFileMode Directory0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task TheDataDirectory_Is0700_AndEveryFileInIt0600_IncludingOnesLeftReadableBefore()
    {
        var directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var old = Path.Combine(directory, "left-by-an-older-version.txt");
        await File.WriteAllTextAsync(old, "x");
        File.SetUnixFileMode(old, File0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            await using (var app = await TestApp.StartAsync(dataDirectory: directory))
            {
                Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup("modes@example.com"))).StatusCode);

                Assert.Equal(Directory0700, File.GetUnixFileMode(directory));
                var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
                Assert.Contains(files, f => f.EndsWith("campaign.db"));
                Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == File0600, $"{Path.GetFileName(f)}: {File.GetUnixFileMode(f)}"));
            }
        }
        finally
        {
            TestApp.DeleteDirectory(directory);
        }
    }
}
