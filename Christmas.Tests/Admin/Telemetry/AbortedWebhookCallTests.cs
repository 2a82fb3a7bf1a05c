using System.Net.Sockets;
using System.Text;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Telemetry;

/// <summary>A caller that hangs up halfway through its body is counted as <c>aborted</c>, not as our <c>failed</c>.</summary>
public sealed class AbortedWebhookCallTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static double Webhooks(string text, string outcome) =>
        PrometheusText.Value(text, "christmas_webhooks_total", ("handler", "postcall-maybe-handler"), ("outcome", outcome));

    [Fact]
    public async Task ACallerHangingUpMidBody_CountsAsAborted_NotFailed()
    {
        var app = shared.App;
        var before = await app.Api.GetStringAsync("/metrics");

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
            var stream = socket.GetStream();
            var head = $"POST {Fixtures.Webhooks.Url("postcall-maybe-handler")} HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\n" +
                "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"email\":\"half";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Task.Delay(300); // the server is now waiting for the rest of the body
        }

        var after = await Eventually.WaitAsync(() => app.Api.GetStringAsync("/metrics"),
            text => Webhooks(text, "aborted") > Webhooks(before, "aborted"), TimeSpan.FromSeconds(10), "an aborted call counted");
        Assert.Equal(Webhooks(before, "failed"), Webhooks(after, "failed"));
    }
}
