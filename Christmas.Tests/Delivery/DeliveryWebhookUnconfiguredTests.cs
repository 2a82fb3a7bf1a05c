using System.Net;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Delivery;

/// <summary>Without <c>Resend:WebhookSecret</c> no event is taken: an unsigned one could suppress any address.</summary>
public sealed class DeliveryWebhookUnconfiguredTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task WithoutASecret_EventsAreRefusedWith401_SayingWhatToSet()
    {
        var body = SignedEvents.Body("email.delivered", "re_1", DateTimeOffset.UtcNow);
        var answer = await shared.App.Anonymous.SendAsync(SignedEvents.Request(body, SignedEvents.NewId(), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("Resend:WebhookSecret", await answer.Content.ReadAsStringAsync());
        Assert.Equal(0, await shared.App.WithDbAsync(db => db.DeliveryEvents.CountAsync()));
    }
}
