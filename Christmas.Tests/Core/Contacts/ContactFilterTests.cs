using Christmas.Core.Contacts;

namespace Christmas.Tests.Core.Contacts;

/// <summary>The spellings the API, the export link and the console share for filters and sorts.</summary>
public sealed class ContactFilterTests
{
    [Theory]
    [InlineData("critical", null, Segment.Critical, false)]
    [InlineData("OPTIMIZE", null, Segment.Optimize, false)]
    [InlineData("none", null, null, true)]
    [InlineData("", "", null, false)]
    public void TryParse_AcceptsSegmentsInAnyCase_AndNoneForContactsWithoutOne(string segment, string? status, Segment? expected, bool without)
    {
        Assert.Null(ContactFilter.TryParse("  sarah ", segment, status, out var filter));

        Assert.Equal(expected, filter.Segment);
        Assert.Equal(without, filter.WithoutSegment);
        Assert.Equal("sarah", filter.Search);
    }

    [Theory]
    [InlineData("HOT", null, "segment")]
    [InlineData("1", null, "segment")]
    [InlineData(null, "gone", "status")]
    [InlineData(null, "Active,Bounced", "status")]
    public void TryParse_NamesTheBadField_WhenAValueIsUnknown(string? segment, string? status, string field)
    {
        var error = ContactFilter.TryParse(null, segment, status, out var filter);

        Assert.StartsWith(field + ":", error);
        Assert.Equal(ContactFilter.All, filter);
    }

    [Fact]
    public void ToQueryString_RoundTripsThroughTryParse()
    {
        var filter = new ContactFilter("o'neil & co", Segment.Urgent, Status: ContactStatus.Bounced);

        Assert.Equal("search=o%27neil%20%26%20co&segment=URGENT&status=bounced", filter.ToQueryString());
        Assert.Equal("", ContactFilter.All.ToQueryString());
    }

    [Theory]
    [InlineData(null, ContactSort.Updated, true)]
    [InlineData("email", ContactSort.Email, false)]
    [InlineData("-Business", ContactSort.Business, true)]
    [InlineData("segment", ContactSort.Segment, false)]
    public void OrderTryParse_ReadsAColumnWithAnOptionalMinusForDescending(string? text, ContactSort by, bool descending)
    {
        Assert.Null(ContactOrder.TryParse(text, out var order));

        Assert.Equal(new ContactOrder(by, descending), order);
    }

    [Fact]
    public void OrderTryParse_RefusesAnUnknownColumn() =>
        Assert.NotNull(ContactOrder.TryParse("age", out _));
}
