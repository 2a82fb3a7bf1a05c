using Bunit;
using Microsoft.AspNetCore.Components;

namespace Christmas.Tests.Fixtures.Components;

/// <summary>
/// Finds an element and raises its event in one step on the renderer's thread. Found first and raised later,
/// a re-render in between (a debounced preview, a MudBlazor input settling) leaves a stale handler id.
/// </summary>
public static class RaceFreeEvents
{
    public static void InputAt<T>(this IRenderedComponent<T> cut, string selector, string value) where T : IComponent
        => cut.InvokeAsync(() => cut.Find(selector).Input(value)).GetAwaiter().GetResult();

    public static void ChangeAt<T>(this IRenderedComponent<T> cut, string selector, string value) where T : IComponent
        => cut.InvokeAsync(() => cut.Find(selector).Change(value)).GetAwaiter().GetResult();

    public static void ClickAt<T>(this IRenderedComponent<T> cut, string selector) where T : IComponent
        => cut.InvokeAsync(() => cut.Find(selector).Click()).GetAwaiter().GetResult();
}
