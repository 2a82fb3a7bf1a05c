using System.Text;
using Christmas.Core.Delivery.Events;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Core.Delivery;

/// <summary>The Svix check against signatures computed independently (Svix's published example and the test's own HMAC).</summary>
public sealed class SvixSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_764_000_000);
    private const string Id = "msg_2LqkFcXwRzG8dYp3";
    private const string Body = """{"type":"email.delivered","created_at":"2025-11-24T16:00:00Z","data":{"email_id":"4ef9a417"}}""";

    private static string? Verify(string signatures, string body = Body, DateTimeOffset? sentAt = null, string? secret = null) =>
        SvixSignature.Verify(secret ?? SignedEvents.Secret, Id, (sentAt ?? Now).ToUnixTimeSeconds().ToString(), signatures,
            Encoding.UTF8.GetBytes(body), Now);

    private static string Valid(DateTimeOffset? sentAt = null, string body = Body) =>
        SignedEvents.Sign(SignedEvents.Secret, Id, (sentAt ?? Now).ToUnixTimeSeconds(), body);

    [Fact]
    public void SvixsPublishedExample_Verifies()
    {
        // From Svix's documentation (svix-webhooks' own tests use it too).
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var at = DateTimeOffset.FromUnixTimeSeconds(1614265330);
        var result = SvixSignature.Verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Encoding.UTF8.GetBytes("""{"test": 2432232314}"""), at);
        Assert.Null(result);
    }

    [Fact]
    public void ASignatureComputedByTheTest_Verifies() => Assert.Null(Verify(Valid()));

    [Fact]
    public void SeveralSignaturesInOneHeader_OneValid_Verifies() =>
        Assert.Null(Verify($"v1,{Convert.ToBase64String(new byte[32])} v2,abc {Valid()} v1,bm90LWEtc2lnbmF0dXJl"));

    [Fact]
    public void OnlyV1EntriesCount() => Assert.NotNull(Verify("v2," + Valid()[3..]));

    [Fact]
    public void TheWrongSecret_Fails() =>
        Assert.NotNull(Verify(Valid(), secret: "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("another-secret-of-32-bytes-long!"))));

    [Fact]
    public void ATamperedBody_Fails() => Assert.NotNull(Verify(Valid(), Body.Replace("delivered", "bounced")));

    [Theory]
    [InlineData(-299, true)]
    [InlineData(299, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void Timestamps_AreAcceptedWithinFiveMinutesEitherWay(int offsetSeconds, bool accepted)
    {
        var sentAt = Now.AddSeconds(offsetSeconds);
        Assert.Equal(accepted, Verify(Valid(sentAt), sentAt: sentAt) is null);
    }

    [Theory]
    [InlineData(null, "1764000000", "v1,x")]
    [InlineData(Id, null, "v1,x")]
    [InlineData(Id, "1764000000", null)]
    [InlineData(Id, "not-a-number", "v1,x")]
    public void MissingOrBrokenHeaders_Fail(string? id, string? timestamp, string? signature) =>
        Assert.NotNull(SvixSignature.Verify(SignedEvents.Secret, id, timestamp, signature, Encoding.UTF8.GetBytes(Body), Now));
}
