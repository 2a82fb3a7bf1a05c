using Christmas.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace Christmas.Tests.Admin;

public class StartupTests
{
    [Fact]
    public async Task AnEmailProviderThisVersionLacks_StopsTheStartWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Email:Provider"] = "Resend" }));
        Assert.Contains("Email:Provider must be Outbox", error.Message);
    }
}
