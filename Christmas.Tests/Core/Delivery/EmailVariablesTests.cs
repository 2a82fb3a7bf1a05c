using Christmas.Core.Contacts;
using Christmas.Core.Delivery;
using Christmas.Core.SendRules;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Core.Delivery;

/// <summary>A webhook payload fills the contact's fields, never the campaign's: the offer, the sender, the unsubscribe link.</summary>
public sealed class EmailVariablesTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public void APayload_CannotSetCampaignLevelVariables_ButItsOwnFieldsStillCome()
    {
        var variables = shared.App.Services.GetRequiredService<EmailVariables>();
        var rules = shared.App.Services.GetRequiredService<SendRuleSet>();
        var payload = """
            {"offer_ends_at": "never", "days_left": "999", "deadline": "whenever", "sender_name": "Evil Corp",
             "sender_postal_address": "nowhere", "sender_contact_email": "evil@example.com",
             "unsubscribe_url": "https://evil.example/u", "calendly_link": "https://evil.example/book", "interest_level": "high"}
            """;

        var vars = variables.For(new Contact("vars@example.com", "Vera", DateTime.UtcNow), payload, "https://campaign.example.com/u/T", rules, DateTime.UtcNow);

        Assert.Null(vars["offer_ends_at"]);
        Assert.Null(vars["days_left"]);
        Assert.NotEqual("whenever", vars["deadline"]);
        Assert.NotEqual("Evil Corp", vars["sender_name"]);
        Assert.NotEqual("nowhere", vars["sender_postal_address"]);
        Assert.NotEqual("evil@example.com", vars["sender_contact_email"]);
        Assert.NotEqual("https://evil.example/book", vars["calendly_link"]);
        Assert.Equal("https://campaign.example.com/u/T", vars["unsubscribe_url"]);
        Assert.Equal("high", vars["interest_level"]);
    }
}
