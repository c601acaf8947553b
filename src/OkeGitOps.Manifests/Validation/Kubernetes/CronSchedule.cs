using System.Globalization;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// The cron grammar the CronJob controller reads <c>spec.schedule</c> with: five whitespace-separated fields
/// (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-6 or SUN-SAT), each a
/// comma-separated list of <c>*</c>, <c>?</c>, a value or a range <c>a-b</c>, optionally with a step <c>/n</c>;
/// or one of <c>@yearly</c>, <c>@annually</c>, <c>@monthly</c>, <c>@weekly</c>, <c>@daily</c>, <c>@midnight</c>,
/// <c>@hourly</c> and <c>@every &lt;duration&gt;</c>.
/// </summary>
internal static class CronSchedule
{
    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static readonly (string Name, int Min, int Max, string[]? Names, int NameBase)[] Fields =
    [
        ("minute", 0, 59, null, 0),
        ("hour", 0, 23, null, 0),
        ("day of month", 1, 31, null, 0),
        ("month", 1, 12, Months, 1),
        ("day of week", 0, 6, Days, 0),
    ];

    /// <summary>What is wrong with a schedule, or <c>null</c> when the controller can read it.</summary>
    public static string? Problem(string schedule)
    {
        var text = schedule.Trim();
        if (text.Length == 0) return "the schedule is empty";
        if (text[0] == '@')
        {
            if (text.StartsWith("@every ", StringComparison.Ordinal))
                return GoDuration.IsValid(text["@every ".Length..].Trim()) ? null : $"{text["@every ".Length..].Trim()} is not a duration such as 90s, 15m or 1h30m";
            foreach (var d in Descriptors)
            {
                if (string.Equals(d, text, StringComparison.Ordinal)) return null;
            }
            var near = NearMatch.Find(text, Descriptors);
            return $"unknown descriptor {text}{(near is null ? "" : $" (did you mean {near}?)")}: use @hourly, @daily, @weekly, @monthly, @yearly or @every <duration>";
        }
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
            return parts.Length == 6
                ? "expected 5 fields (minute hour day-of-month month day-of-week), found 6: a seconds field is not supported"
                : $"expected 5 fields (minute hour day-of-month month day-of-week), found {parts.Length.ToString(CultureInfo.InvariantCulture)}";
        for (var i = 0; i < parts.Length; i++)
        {
            if (FieldProblem(parts[i], i) is { } problem) return $"{Fields[i].Name} field {SchemaWalker.Quote(parts[i])}: {problem}";
        }
        return null;
    }

    private static string? FieldProblem(string field, int index)
    {
        var (_, min, max, names, nameBase) = Fields[index];
        foreach (var item in field.Split(','))
        {
            if (item.Length == 0) return "an empty list item";
            var slash = item.IndexOf('/');
            var range = slash < 0 ? item : item[..slash];
            if (slash >= 0)
            {
                var step = item[(slash + 1)..];
                if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return $"the step {SchemaWalker.Quote(step)} is not a number";
                if (n <= 0) return "a step must be a positive number";
            }
            if (range is "*" or "?") continue;
            var dash = range.IndexOf('-');
            var first = dash < 0 ? range : range[..dash];
            if (Value(first, min, max, names, nameBase) is not { } low) return ValueProblem(first, min, max, names);
            if (dash < 0) continue;
            var last = range[(dash + 1)..];
            if (Value(last, min, max, names, nameBase) is not { } high) return ValueProblem(last, min, max, names);
            if (low > high) return $"the range {range} starts after it ends";
        }
        return null;
    }

    private static int? Value(string text, int min, int max, string[]? names, int nameBase)
    {
        if (names is not null)
        {
            var i = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (i >= 0) return i + nameBase;
        }
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
            return value;
        return null;
    }

    private static string ValueProblem(string text, int min, int max, string[]? names)
        => text.Length > 0 && text.All(char.IsAsciiDigit)
            ? $"{text} is out of range {min}-{max}"
            : $"{SchemaWalker.Quote(text)} is not a number{(names is null ? "" : " or name")} in range {min}-{max}";
}
