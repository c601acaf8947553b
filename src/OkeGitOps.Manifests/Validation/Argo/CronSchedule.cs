using System.Globalization;

namespace OkeGitOps.Manifests.Validation.Argo;

/// <summary>
/// The cron syntax Argo CD reads sync window schedules with: five fields (minute, hour, day of month, month, day of
/// week) of <c>*</c>, <c>?</c>, numbers, names (<c>JAN</c>, <c>MON</c>), ranges, lists and <c>/step</c>, or one of the
/// descriptors <c>@yearly</c>, <c>@annually</c>, <c>@monthly</c>, <c>@weekly</c>, <c>@daily</c>, <c>@midnight</c>,
/// <c>@hourly</c> and <c>@every &lt;duration&gt;</c>.
/// </summary>
internal static class CronSchedule
{
    private static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    /// <summary>What is wrong with the schedule, or <c>null</c> when Argo CD accepts it.</summary>
    public static string? Problem(string schedule)
    {
        var text = schedule.Trim();
        if (text.StartsWith('@'))
        {
            if (Descriptors.Contains(text, StringComparer.Ordinal)) return null;
            if (text.StartsWith("@every ", StringComparison.Ordinal))
                return GoDurationText.IsValid(text["@every ".Length..].Trim()) ? null : "@every needs a Go duration such as 1h30m";
            return $"'{text}' is not a cron descriptor (use one of {string.Join(", ", Descriptors)} or '@every <duration>')";
        }
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5) return $"a schedule has 5 fields (minute hour day-of-month month day-of-week), this one has {fields.Length}";
        for (var i = 0; i < 5; i++)
        {
            if (FieldProblem(fields[i], Fields[i], i is 2 or 4) is { } problem) return $"{Fields[i].Name} field '{fields[i]}': {problem}";
        }
        return null;
    }

    private static string? FieldProblem(string field, (string Name, int Min, int Max, string[]? Names) spec, bool questionMark)
    {
        foreach (var part in field.Split(','))
        {
            if (part.Length == 0) return "an empty list item";
            var range = part;
            var slash = part.IndexOf('/');
            if (slash >= 0)
            {
                range = part[..slash];
                if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step <= 0)
                    return $"the step '{part[(slash + 1)..]}' is not a positive number";
            }
            if (range is "*" || (range == "?" && questionMark)) continue;
            var dash = range.IndexOf('-');
            var (low, high) = dash >= 0 ? (range[..dash], range[(dash + 1)..]) : (range, (string?)null);
            if (Value(low, spec) is not { } lo) return $"'{low}' is not a {spec.Name} from {spec.Min} to {spec.Max}";
            if (high is not null)
            {
                if (Value(high, spec) is not { } hi) return $"'{high}' is not a {spec.Name} from {spec.Min} to {spec.Max}";
                if (hi < lo) return $"the range {range} runs backwards";
            }
        }
        return null;
    }

    private static int? Value(string text, (string Name, int Min, int Max, string[]? Names) spec)
    {
        if (spec.Names is not null)
        {
            var index = Array.FindIndex(spec.Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0) return index + spec.Min;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= spec.Min && value <= spec.Max ? value : null;
    }
}
