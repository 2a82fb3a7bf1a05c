using Christmas.Tests.Fixtures;
using System.Text.Json;
using Christmas.Core.Simulation;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Core.Simulation;

/// <summary>The simulation body as the API and the page send it: times of calls, rule overrides, defaults.</summary>
public sealed class SimulationRequestReaderTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
    private readonly SimulationRequestReader _reader = new(new WebhookValidator());

    private SimulationRequest Read(string json)
    {
        using var body = JsonDocument.Parse(json);
        var (request, errors) = _reader.Read(body.RootElement, Now, RevisionOne.Campaign, draft: null);
        Assert.True(request is not null, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return request!;
    }

    private static string Signup(string at) =>
        $$"""{"contacts": [{"handler": "signup-handler", "at": "{{at}}", "email": "Ann@Example.com", "first_name": "Ann", "business_name": "Cafe"}]}""";

    [Theory]
    [InlineData("2026-12-08T16:00:00Z")]
    [InlineData("2026-12-08T11:00:00-05:00")]
    [InlineData("P1DT6H")]
    [InlineData("PT30H")]
    [InlineData("1.06:00:00")]
    public void At_TakesATimestampOrADurationFromNow(string at)
    {
        var call = Assert.Single(Read(Signup(at)).Calls);

        Assert.Equal(Now.AddHours(30), call.At);
        Assert.Equal(Now.AddHours(30), call.Input.ReceivedAt);
        Assert.Equal("ann@example.com", call.Input.Email);
    }

    [Fact]
    public void ACall_IsTheWebhooksBody_WithoutTheSimulationsOwnFields()
    {
        var call = Assert.Single(Read(Signup("PT1H")).Calls);

        using var payload = JsonDocument.Parse(call.Input.PayloadJson);
        Assert.False(payload.RootElement.TryGetProperty("handler", out _));
        Assert.False(payload.RootElement.TryGetProperty("at", out _));
        Assert.Equal("Ann", payload.RootElement.GetProperty("first_name").GetString());
    }

    [Fact]
    public void WithoutFields_TenDaysOfEveryActiveSequence_InTheCurrentModeAndRules()
    {
        var request = Read("{}");

        Assert.Equal((10, Now, Now.AddDays(10)), (request.Days, request.Start, request.End));
        Assert.Empty(request.Calls);
        Assert.Null(request.TestingMode);
        Assert.False(request.Overrides.Any);
    }

    [Fact]
    public void Rules_AreOverridden_OrTurnedOffWithOff()
    {
        var request = Read("""{"testingMode": true, "quietHours": "21:00-08:00", "minimumGap": "off", "offerEndsAt": "2026-12-20T23:59:00-05:00"}""");

        Assert.True(request.TestingMode);
        Assert.True(request.Overrides.MovesSteps);
        Assert.Equal("21:00-08:00", request.Overrides.QuietHours);
        Assert.True(request.Overrides.HasMinimumGap);
        Assert.Null(request.Overrides.MinimumGap);
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 4, 59, 0, TimeSpan.Zero), request.Overrides.OfferEndsAt);
    }
}
