using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin;

public class StartupTests
{
    [Fact]
    public async Task AnUnknownEmailProvider_StopsTheStartWithAClearMessage()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Email:Provider"] = "Carrier-pigeon" }));
        Assert.Contains("Email:Provider must be one of: Outbox, Resend", error.Message);
    }

    [Fact]
    public async Task ResendWithoutAnApiKey_StopsTheStartWithAClearMessage()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Email:Provider"] = "Resend", ["Email:From"] = "Team <team@example.com>",
            ["Campaign:Sender:Name"] = "Team", ["Campaign:Sender:PostalAddress"] = "1 Main St", ["Campaign:Sender:ContactEmail"] = "team@example.com",
        }));
        Assert.Contains("Resend:ApiKey is required", error.Message);
    }

    [Fact]
    public async Task RealSendingWithoutTheSendersIdentity_StopsTheStart_BecauseCaslRequiresIt()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Email:Provider"] = "Smtp", ["Email:From"] = "Team <team@example.com>", ["Smtp:Host"] = "127.0.0.1",
        }));
        Assert.Contains("Campaign:Sender:PostalAddress", error.Message);
    }
}
