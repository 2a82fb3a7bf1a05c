using System.Text.RegularExpressions;

namespace Christmas.Core.Campaign.Definition;

/// <summary>
/// DESIGN's rules for a definition, as a pure function: every broken rule is one error naming its path
/// (<c>sequences[0].steps[2].offset</c>), so an editor can point at it. Templates are looked up through
/// <c>templateExists</c> (the template store's keys), so this needs no database.
/// </summary>
public static partial class DefinitionValidator
{
    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(365);
    public static readonly TimeSpan MaxTestingOffset = TimeSpan.FromDays(1);

    public static IReadOnlyList<DefinitionError> Validate(CampaignDocument document, Func<string, bool> templateExists)
    {
        var errors = new List<DefinitionError>();
        var sequences = document.Sequences.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        Names(document.Sequences.Select(s => s.Name).ToList(), "sequences", "sequence", errors);
        Names(document.Handlers.Select(h => h.Name).ToList(), "handlers", "handler", errors);
        for (var i = 0; i < document.Sequences.Count; i++)
            Sequence(document.Sequences[i], $"sequences[{i}]", sequences, templateExists, errors);
        for (var i = 0; i < document.Handlers.Count; i++)
            Handler(document.Handlers[i], $"handlers[{i}]", sequences, errors);
        for (var i = 0; i < document.Sequences.Count; i++)
            StartedBy(document.Sequences[i], $"sequences[{i}]", document.Handlers, errors);
        return errors;
    }

    private static void Names(IReadOnlyList<string> names, string list, string what, List<DefinitionError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var path = $"{list}[{i}].name";
            if (!Name().IsMatch(names[i]))
                errors.Add(new(path, $"'{names[i]}' is not a {what} name: lower-case letters, digits and '-', starting with a letter, at most 40 characters."));
            else if (!seen.Add(names[i]))
                errors.Add(new(path, $"Another {what} is already named '{names[i]}'."));
        }
    }

    private static void Sequence(SequenceSpec s, string path, HashSet<string> sequences, Func<string, bool> templateExists, List<DefinitionError> errors)
    {
        if (string.IsNullOrWhiteSpace(s.Label)) errors.Add(new($"{path}.label", "A sequence needs a label."));
        for (var i = 0; i < s.Ends.Count; i++)
        {
            var end = s.Ends[i];
            if (end.Sequence == s.Name) errors.Add(new($"{path}.ends[{i}].sequence", "A sequence does not end itself."));
            else if (!sequences.Contains(end.Sequence)) errors.Add(new($"{path}.ends[{i}].sequence", $"There is no sequence '{end.Sequence}'."));
            if (string.IsNullOrWhiteSpace(end.Reason)) errors.Add(new($"{path}.ends[{i}].reason", "Say why the other sequence ends (it is shown on the contact's timeline)."));
        }
        if (s.Steps.Count == 0) errors.Add(new($"{path}.steps", "A sequence needs at least one step."));
        var numbers = new HashSet<int>();
        for (var i = 0; i < s.Steps.Count; i++)
        {
            var step = s.Steps[i];
            var at = $"{path}.steps[{i}]";
            if (!numbers.Add(step.Number)) errors.Add(new($"{at}.number", $"Step number {step.Number} is used twice in '{s.Name}'."));
            // The website sends such an email itself; we only record it, so it has no template here (assessment-1).
            if (!step.SentByWebsite && !templateExists(step.Template))
                errors.Add(new($"{at}.template", $"There is no template '{step.Template}'; create it first (PUT /api/templates/{step.Template})."));
            if (step.Offset < TimeSpan.Zero || step.Offset > MaxOffset)
                errors.Add(new($"{at}.offset", $"An offset is from 0 to 365 days; {CampaignDuration.Format(step.Offset)} is not."));
            if (step.TestingOffset < TimeSpan.Zero || step.TestingOffset > MaxTestingOffset)
                errors.Add(new($"{at}.testingOffset", $"A testing offset is from 0 to 1 day; {CampaignDuration.Format(step.TestingOffset)} is not."));
        }
    }

    private static void Handler(HandlerSpec h, string path, HashSet<string> sequences, List<DefinitionError> errors)
    {
        if (h.Starts is { } starts && !sequences.Contains(starts))
            errors.Add(new($"{path}.starts", $"There is no sequence '{starts}'."));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < h.Fields.Count; i++)
        {
            var field = h.Fields[i];
            var at = $"{path}.fields[{i}]";
            if (string.IsNullOrWhiteSpace(field.Name)) errors.Add(new($"{at}.name", "A field needs a name."));
            else if (!names.Add(field.Name)) errors.Add(new($"{at}.name", $"The field '{field.Name}' is given twice."));
            if (!FieldKinds.All.Contains(field.Kind))
                errors.Add(new($"{at}.kind", $"'{field.Kind}' is not a field kind; use one of: {string.Join(", ", FieldKinds.All)}."));
            if (field.Min is { } min && field.Max is { } max && min > max)
                errors.Add(new($"{at}.max", $"max ({max}) is below min ({min})."));
            if (field.StartsOnlyIfExpected && field.Expected is null)
                errors.Add(new($"{at}.startsOnlyIfExpected", "startsOnlyIfExpected needs an expected value."));
        }
        if (!h.Fields.Any(f => f.Name == "email" && f.Kind == FieldKinds.Email))
            errors.Add(new($"{path}.fields", "A handler needs a field named 'email' of kind email: the contact is found by it."));
        if (h.Anchor is { } anchor && !h.Fields.Any(f => f.Name == anchor && f.Kind == FieldKinds.Timestamp))
            errors.Add(new($"{path}.anchor", $"The anchor '{anchor}' is not a timestamp field of this handler."));
        if (h.WebsiteStatusField is { } status && !names.Contains(status))
            errors.Add(new($"{path}.websiteStatusField", $"'{status}' is not a field of this handler."));
    }

    /// <summary>A sequence's dedupe fields must be in every payload that starts it.</summary>
    private static void StartedBy(SequenceSpec s, string path, IReadOnlyList<HandlerSpec> handlers, List<DefinitionError> errors)
    {
        for (var i = 0; i < s.DedupeFields.Count; i++)
        {
            var missing = handlers.Where(h => h.Starts == s.Name && h.Fields.All(f => f.Name != s.DedupeFields[i])).Select(h => h.Name).ToList();
            if (missing.Count > 0)
                errors.Add(new($"{path}.dedupeFields[{i}]", $"'{s.DedupeFields[i]}' is not a field of {string.Join(", ", missing)}, which starts '{s.Name}'."));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex Name();
}
