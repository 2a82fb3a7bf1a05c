using System.Text;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Christmas.Tests.Delivery;

/// <summary>Sends through the Smtp sender (MailKit) to a local SMTP stand-in, on the real clock (email #2 due at once).</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private readonly SmtpStandIn _smtp = new();
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Email:Provider"] = "Smtp",
        ["Email:From"] = "BusOS Team <team@busos.example>",
            ["Campaign:Sender:Name"] = "BusOS Team", ["Campaign:Sender:PostalAddress"] = "1 Main St, Halifax NS B3H 1A1",
            ["Campaign:Sender:ContactEmail"] = "hello@busos.example",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = _smtp.Port.ToString(),
        ["Smtp:Security"] = "None",
    });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<Step> SendDueEmailAsync(string firstName)
    {
        var email = $"s{Guid.NewGuid():N}@example.com";
        var payload = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(-1), email);
        payload["first_name"] = firstName;
        (await _app.PostWebhookAsync("assessment-handler", payload)).EnsureSuccessStatusCode();
        return await Eventually.WaitAsync(
            () => _app.WithDbAsync(db => db.Steps.SingleAsync(s => s.Sequence!.Contact!.Email == email && s.Number == 2)),
            s => s.Status is StepStatus.Sent or StepStatus.Failed, TimeSpan.FromSeconds(10), "step #2 sent or failed");
    }

    [Fact]
    public async Task TheRelayGetsAMultipartEmail_WithUnsubscribeHeaders_AndEscapedValues()
    {
        var step = await SendDueEmailAsync("<b>Ann</b>");

        Assert.Equal(StepStatus.Sent, step.Status);
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Assert.Single(_smtp.Messages))));
        Assert.Equal("team@busos.example", message.From.Mailboxes.Single().Address);
        Assert.Equal($"{step.IdempotencyKey}@christmas-campaign", message.MessageId);
        Assert.Equal(step.ProviderMessageId, message.MessageId);
        Assert.StartsWith("<http://localhost:8080/u/", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("&lt;b&gt;Ann&lt;/b&gt;", message.HtmlBody);
        Assert.Contains("<b>Ann</b>", message.TextBody);
    }

    [Fact]
    public async Task APermanentRefusal_EndsTheStepFailed_WithTheRelaysReply()
    {
        _smtp.RefuseNextWith = "550 5.7.1 Relaying denied";
        var step = await SendDueEmailAsync("Ann");

        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.StartsWith("SMTP 550", step.LastError);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task SeveralEmails_GoOverOneConnection()
    {
        for (var i = 0; i < 3; i++) Assert.Equal(StepStatus.Sent, (await SendDueEmailAsync($"Ann{i}")).Status);

        Assert.Equal(3, _smtp.Messages.Count);
        Assert.Equal(1, _smtp.Connections);
    }

    [Fact]
    public async Task ARelayThatDroppedTheIdleConnection_DoesNotFailTheNextSend()
    {
        await SendDueEmailAsync("Ann");
        _smtp.DropConnections();

        var step = await SendDueEmailAsync("Bob");

        Assert.Equal(StepStatus.Sent, step.Status);
        Assert.Equal(1, step.Attempts);
        Assert.Null(step.LastError);
        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Equal(2, _smtp.Connections);
    }

    [Fact]
    public async Task APermanentRefusal_RefusesOnlyThatEmail_TheNextGoesOnTheSameConnection()
    {
        _smtp.RefuseNextWith = "550 5.1.1 Mailbox unavailable";
        var refused = await SendDueEmailAsync("Ann");
        var next = await SendDueEmailAsync("Bob");

        Assert.Equal(StepStatus.Failed, refused.Status);
        Assert.Equal(StepStatus.Sent, next.Status);
        Assert.Equal($"{next.IdempotencyKey}@christmas-campaign",
            MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Assert.Single(_smtp.Messages)))).MessageId);
        Assert.Equal(1, _smtp.Connections);
    }
}
