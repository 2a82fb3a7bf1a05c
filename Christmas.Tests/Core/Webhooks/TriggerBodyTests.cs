using Christmas.Tests.Fixtures;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Core.Webhooks;

/// <summary>The trigger form's values become the webhook's JSON, so the webhook's validator has the last word.</summary>
public class TriggerBodyTests
{
    private static readonly HandlerDefinition Assessment = RevisionOne.Campaign.Handler("assessment-handler")!;
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void From_WritesCountsAsNumbers_AndLeavesEmptyFieldsOut()
    {
        var body = TriggerBody.From(Assessment, new Dictionary<string, string?>
        {
            ["email"] = "Sarah@Example.com ", ["first_name"] = "Sarah", ["business_name"] = "", ["red_systems"] = "2",
            ["revenue_leak_total"] = "14700.50",
        });

        Assert.Equal(2, body.GetProperty("red_systems").GetInt32());
        Assert.Equal(14700.50m, body.GetProperty("revenue_leak_total").GetDecimal());
        Assert.False(body.TryGetProperty("business_name", out _));
    }

    [Fact]
    public void From_KeepsANonNumberAsText_SoTheValidatorRejectsIt()
    {
        var values = new Dictionary<string, string?>
        {
            ["email"] = "sarah@example.com", ["first_name"] = "Sarah", ["business_name"] = "Salon",
            ["red_systems"] = "two", ["orange_systems"] = "9", ["yellow_systems"] = "1", ["green_systems"] = "1",
            ["email_1_status"] = "sent",
        };

        var result = new WebhookValidator().Validate(Assessment, TriggerBody.From(Assessment, values), Now);

        Assert.False(result.IsValid);
        Assert.Equal(["orange_systems", "red_systems"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("red_systems must be an integer from 0 to 8.", result.Errors["red_systems"][0]);
    }
}
