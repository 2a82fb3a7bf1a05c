namespace Christmas.Core.Common;

public enum OutcomeKind
{
    Ok,
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>The result of an operator action: the value, or why it could not be done.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, string? Error)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null);
    public static Outcome<T> NotFound(string error) => new(OutcomeKind.NotFound, default, error);
    public static Outcome<T> Conflict(string error) => new(OutcomeKind.Conflict, default, error);
    public static Outcome<T> Invalid(string error) => new(OutcomeKind.Invalid, default, error);
}
