using Christmas.Core.Campaign.Live;
using Christmas.Tests.Fixtures;
using System.Text.Json;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Core.Webhooks;

public class WebhookValidatorTests
{
    private static readonly DateTime Received = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly LiveCampaign _handlers = RevisionOne.Campaign;
    private readonly WebhookValidator _validator = new();

    private WebhookValidationResult Validate(string handler, string json) =>
        _validator.Validate(_handlers.Handler(handler)!, JsonDocument.Parse(json).RootElement, Received);

    private const string ValidAssessment = """
        {"email":" Sarah@Example.COM ","first_name":"Sarah","business_name":"Sarah's Salon","red_systems":2,
         "orange_systems":1,"yellow_systems":2,"green_systems":3,"email_1_sent_at":"2026-12-01T10:30:00Z","email_1_status":"sent"}
        """;

    [Fact]
    public void Validate_NormalisesTheEmail_AndReadsTheAnchor()
    {
        var input = Validate("assessment-handler", ValidAssessment).Input!;
        Assert.Equal("sarah@example.com", input.Email);
        Assert.Equal(new DateTime(2026, 12, 1, 10, 30, 0, DateTimeKind.Utc), input.AnchorAt);
        Assert.Empty(input.Warnings);
    }

    [Fact]
    public void Validate_NamesEveryBadField()
    {
        var result = Validate("assessment-handler", """
            {"email":"not-an-email","first_name":"","red_systems":9,"orange_systems":-1,"yellow_systems":1.5,"green_systems":"3",
             "email_1_status":"sent","weakest_system_1":42,"revenue_leak_total":-5}
            """);
        Assert.False(result.IsValid);
        Assert.Equal(
            ["business_name", "email", "first_name", "green_systems", "orange_systems", "red_systems", "revenue_leak_total", "weakest_system_1", "yellow_systems"],
            result.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("""{"first_name":"A","business_name":"B"}""", "email")]
    [InlineData("""{"email":null,"first_name":"A","business_name":"B"}""", "email")]
    [InlineData("""{"email":"a@b.co","first_name":"   ","business_name":"B"}""", "first_name")]
    [InlineData("""{"email":"a@b.co","first_name":"A","business_name":["B"]}""", "business_name")]
    [InlineData("""{"email":"a b@c.co","first_name":"A","business_name":"B"}""", "email")]
    [InlineData("""{"email":"a@nodot","first_name":"A","business_name":"B"}""", "email")]
    public void Validate_RejectsAMissingOrInvalidRequiredField(string json, string field)
    {
        var result = Validate("signup-handler", json);
        Assert.Equal([field], result.Errors.Keys);
    }

    [Fact]
    public void Validate_RejectsNamesOver200Characters()
    {
        var json = JsonSerializer.Serialize(new { email = "a@b.co", first_name = new string('x', 201), business_name = "B" });
        Assert.Equal(["first_name"], Validate("signup-handler", json).Errors.Keys);
        var ok = JsonSerializer.Serialize(new { email = "a@b.co", first_name = new string('x', 200), business_name = "B" });
        Assert.True(Validate("signup-handler", ok).IsValid);
    }

    [Theory]
    [InlineData("""null""")]
    [InlineData("""123""")]
    [InlineData(""" "2026-12-01" """)]
    [InlineData(""" "2026-12-01T10:30:00" """)]
    [InlineData(""" "yesterday" """)]
    public void Validate_FallsBackToTheReceiveTimeWithAWarning_WhenTheAnchorIsMissingOrUnparsable(string anchor)
    {
        var json = ValidAssessment.Replace("\"2026-12-01T10:30:00Z\"", anchor);
        var input = Validate("assessment-handler", json).Input!;
        Assert.Equal(Received, input.AnchorAt);
        Assert.Contains(input.Warnings, w => w.StartsWith("email_1_sent_at"));
    }

    [Fact]
    public void Validate_AcceptsOffsetsOtherThanZ()
    {
        var input = Validate("assessment-handler", ValidAssessment.Replace("2026-12-01T10:30:00Z", "2026-12-01T05:30:00.123-05:00")).Input!;
        Assert.Equal(new DateTime(2026, 12, 1, 10, 30, 0, 123, DateTimeKind.Utc), input.AnchorAt);
    }

    [Fact]
    public void Validate_ClampsAFutureAnchorToTheReceiveTime_WithAWarning()
    {
        var input = Validate("assessment-handler", ValidAssessment.Replace("2026-12-01T10:30:00Z", "2026-12-02T10:30:00Z")).Input!;
        Assert.Equal(Received, input.AnchorAt);
        Assert.Contains(input.Warnings, w => w.Contains("in the future"));
    }

    [Fact]
    public void Validate_WarnsAboutAnEmailOneStatusOtherThanSent_AndCountsNotAddingUpToEight()
    {
        var input = Validate("assessment-handler", ValidAssessment.Replace("\"sent\"", "\"failed\"").Replace("\"green_systems\":3", "\"green_systems\":0")).Input!;
        Assert.Equal(2, input.Warnings.Count);
        Assert.Equal("failed", input.WebsiteStatus);
        Assert.False(input.SequenceBlocked);
    }

    [Fact]
    public void Validate_BlocksTheSequence_WhenOnboardingIsNotPaid()
    {
        var input = Validate("onboarding-handler", """
            {"email":"a@b.co","first_name":"A","business_name":"B","payment_status":"pending","payment_date":"2026-12-01T10:00:00Z"}
            """).Input!;
        Assert.True(input.SequenceBlocked);
        Assert.Contains(input.Warnings, w => w.StartsWith("payment_status"));
    }

    [Fact]
    public void Validate_NoshowNeedsNoBusinessName()
    {
        var result = Validate("noshow-recovery-handler", """
            {"email":"a@b.co","first_name":"A","calendly_event_id":"evt_123abc","scheduled_time":"2025-12-10T14:00:00Z"}
            """);
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void Validate_RejectsABodyThatIsNotAnObject(string json) =>
        Assert.Equal(["body"], Validate("signup-handler", json).Errors.Keys);
}
