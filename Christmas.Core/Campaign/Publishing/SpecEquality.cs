using System.Text.Json;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// Whether two specs say the same thing. The definition's records hold lists, which records compare by
/// reference, so they are compared by their JSON instead.
/// </summary>
public static class SpecEquality
{
    public static bool Same<T>(T? a, T? b) where T : class =>
        ReferenceEquals(a, b) || (a is not null && b is not null && JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b));
}
