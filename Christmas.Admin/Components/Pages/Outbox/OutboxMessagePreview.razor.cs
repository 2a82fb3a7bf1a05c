using System.Text.Json;
using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Outbox;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Components.Pages.Outbox;

/// <summary>One stored email as its recipient would see it: the envelope, the HTML (sandboxed), the text part and the headers.</summary>
public partial class OutboxMessagePreview
{
    [Parameter, EditorRequired] public OutboxMessageView Message { get; set; } = default!;
    [Inject] private IOptions<EmailOptions> Email { get; set; } = default!;

    // The Outbox stores no sender: show the one a real provider would use.
    private string From => string.IsNullOrWhiteSpace(Email.Value.From) ? "not set (Email:From); the Outbox delivers nothing" : Email.Value.From;

    private IEnumerable<(string Name, string Value)> Headers =>
        Message.Headers.ValueKind == JsonValueKind.Object
            ? Message.Headers.EnumerateObject().Select(p => (p.Name, p.Value.ToString()))
            : [];
}
