using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>The filter operators the stand-in knows, per kind of value; others are refused so a test never passes on an ignored filter.</summary>
internal static class FilterConditions
{
    public static Func<StoredPage, bool> Text(string op, JsonNode? operand, Func<StoredPage, string?> value)
    {
        if (Emptiness(op, page => string.IsNullOrEmpty(value(page))) is { } empty) return empty;
        var wanted = NotionFormats.StringOf(operand) ?? throw Operand(op, "a string");
        return op switch
        {
            "equals" => page => value(page) == wanted,
            "does_not_equal" => page => value(page) != wanted,
            _ => throw Unsupported(op),
        };
    }

    public static Func<StoredPage, bool> Number(string op, JsonNode? operand, Func<StoredPage, decimal?> value)
    {
        if (Emptiness(op, page => value(page) is null) is { } empty) return empty;
        var wanted = PropertyReaders.Number(operand) ?? throw Operand(op, "a number");
        Func<int, bool> test = op switch
        {
            "equals" => c => c == 0,
            "does_not_equal" => c => c != 0,
            "greater_than" => c => c > 0,
            "less_than" => c => c < 0,
            "greater_than_or_equal_to" => c => c >= 0,
            "less_than_or_equal_to" => c => c <= 0,
            _ => throw Unsupported(op),
        };
        return page => value(page) is { } number && test(number.CompareTo(wanted));
    }

    public static Func<StoredPage, bool> Checkbox(string op, JsonNode? operand, Func<StoredPage, bool?> value)
    {
        var wanted = PropertyReaders.Checkbox(operand) ?? throw Operand(op, "true or false");
        return op switch
        {
            "equals" => page => value(page) == wanted,
            "does_not_equal" => page => value(page) != wanted,
            _ => throw Unsupported(op),
        };
    }

    /// <summary>With a time in the operand the instants are compared; with a bare date, the calendar dates.</summary>
    public static Func<StoredPage, bool> Date(string op, JsonNode? operand, Func<StoredPage, string?> value)
    {
        if (Emptiness(op, page => value(page) is null) is { } empty) return empty;
        var wanted = NotionFormats.StringOf(operand);
        if (!NotionFormats.TryParseDate(wanted, out var instant, out var hasTime)) throw Operand(op, "an ISO 8601 date");
        Func<int, bool> test = op switch
        {
            "equals" => c => c == 0,
            "before" => c => c < 0,
            "after" => c => c > 0,
            "on_or_before" => c => c <= 0,
            "on_or_after" => c => c >= 0,
            _ => throw Unsupported(op),
        };
        return page => value(page) is { } stored && NotionFormats.TryParseDate(stored, out var at, out _)
            && test(hasTime ? at.CompareTo(instant) : NotionFormats.DatePart(stored).CompareTo(NotionFormats.DatePart(wanted!)));
    }

    public static Func<StoredPage, bool> Names(string op, JsonNode? operand, Func<StoredPage, IEnumerable<string>> value)
    {
        if (Emptiness(op, page => !value(page).Any()) is { } empty) return empty;
        var wanted = NotionFormats.StringOf(operand) ?? throw Operand(op, "an option name");
        return op switch
        {
            "contains" => page => value(page).Contains(wanted),
            "does_not_contain" => page => !value(page).Contains(wanted),
            _ => throw Unsupported(op),
        };
    }

    private static Func<StoredPage, bool>? Emptiness(string op, Func<StoredPage, bool> isEmpty) => op switch
    {
        "is_empty" => isEmpty,
        "is_not_empty" => page => !isEmpty(page),
        _ => null,
    };

    private static NotionError Operand(string op, string what) =>
        NotionError.Validation($"body failed validation: the filter's `{op}` should be {what}.");

    private static NotionError Unsupported(string op) =>
        NotionError.Validation($"The Notion stand-in does not support the filter condition `{op}` here.");
}
