using Christmas.Admin.Components.Pages.Trigger;

namespace Christmas.Tests.Admin.Components.Pages.Trigger;

public sealed class TriggerFieldLabelTests
{
    [Theory]
    [InlineData("email", "Email")]
    [InlineData("first_name", "First name")]
    [InlineData("business_name", "Business name")]
    [InlineData("email_1_sent_at", "Email #1 sent at")]
    [InlineData("email_1_status", "Email #1 status")]
    [InlineData("weakest_system_1", "Weakest system 1")]
    [InlineData("calendly_event_id", "Calendly event ID")]
    public void For_SaysTheFieldInWords(string field, string label) => Assert.Equal(label, TriggerFieldLabel.For(field));
}
