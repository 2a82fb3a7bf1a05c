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

    // A missing sender key no longer stops the start: the sends are held instead (Delivery/IncompleteSenderTests).
}
