using System.Globalization;
using System.Text;

namespace OkeGitOps.Manifests.Intent.Eso;

/// <summary>
/// A duration in the text form Go's <c>time.ParseDuration</c> reads, which ESO (<c>refreshInterval</c>) and Argo CD
/// (retry backoff) use: a sequence of numbers with units <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>, <c>us</c>/<c>µs</c>,
/// <c>ns</c>, such as <c>1h</c>, <c>15m</c>, <c>1h30m</c> or <c>0.5s</c>; <c>0</c> alone is zero.
/// </summary>
public readonly record struct GoDuration
{
    private GoDuration(TimeSpan value, string text) { Value = value; Text = text; }

    /// <summary>The length of time.</summary>
    public TimeSpan Value { get; }

    /// <summary>The text written into manifests.</summary>
    public string Text { get => field ?? "0s"; }

    /// <summary>A duration from a <see cref="TimeSpan"/>, written compactly (<c>1h30m</c>, <c>90s</c> → <c>1m30s</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static GoDuration From(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        return new GoDuration(value, Format(value));
    }

    /// <summary>Parses Go duration text, keeping the text as written.</summary>
    /// <exception cref="Diagnostics.ManifestValidationException">The text is not a non-negative Go duration (rule <c>go-duration</c>).</exception>
    public static GoDuration Parse(string text) => Parse(text, null);

    internal static GoDuration Parse(string? text, string? path)
    {
        if (TryParse(text, out var d, out var problem)) return d;
        throw IntentRules.Fail(IntentRules.Duration, $"'{text}' is not a duration: {problem}", path,
            "write a Go duration such as '1h', '15m', '1h30m' or '30s' (units h, m, s, ms, us, ns), or pass a TimeSpan");
    }

    /// <summary>Tries to parse Go duration text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="duration">The duration, when valid.</param>
    /// <param name="problem">Why the text is not valid, when it is not.</param>
    public static bool TryParse(string? text, out GoDuration duration, out string problem)
    {
        duration = default;
        problem = "";
        if (string.IsNullOrEmpty(text)) { problem = "it is empty"; return false; }
        if (text == "0") { duration = new GoDuration(TimeSpan.Zero, text); return true; }
        if (text[0] == '-') { problem = "a negative duration makes no sense here"; return false; }
        var s = text[0] == '+' ? text.AsSpan(1) : text.AsSpan();
        if (s.IsEmpty) { problem = "it has a sign but no number"; return false; }
        decimal totalNs = 0;
        while (!s.IsEmpty)
        {
            var i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == 0) { problem = $"expected a number at '{s.ToString()}'"; return false; }
            var number = s[..i];
            if (number.Count('.') > 1 || number is ".") { problem = $"'{number.ToString()}' is not a number"; return false; }
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            { problem = $"'{number.ToString()}' is not a number"; return false; }
            s = s[i..];
            var j = 0;
            while (j < s.Length && !char.IsAsciiDigit(s[j]) && s[j] != '.') j++;
            if (j == 0) { problem = $"the number {number.ToString()} has no unit (h, m, s, ms, us, ns)"; return false; }
            var unit = s[..j].ToString();
            decimal scale = unit switch
            {
                "h" => 3_600_000_000_000m,
                "m" => 60_000_000_000m,
                "s" => 1_000_000_000m,
                "ms" => 1_000_000m,
                "us" or "\u00b5s" or "\u03bcs" => 1_000m,
                "ns" => 1m,
                _ => -1m,
            };
            if (scale < 0) { problem = $"'{unit}' is not a unit; use h, m, s, ms, us or ns (there is no 'd': write 24h)"; return false; }
            totalNs += value * scale;
            s = s[j..];
        }
        if (totalNs > (decimal)long.MaxValue) { problem = "it is longer than Go's largest duration (about 292 years)"; return false; }
        duration = new GoDuration(TimeSpan.FromTicks((long)(totalNs / 100m)), text);
        return true;
    }

    private static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        var sb = new StringBuilder();
        var hours = (long)value.TotalHours;
        if (hours > 0) sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        if (value.Minutes > 0) sb.Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        var subMinuteTicks = value.Ticks % TimeSpan.TicksPerMinute;
        if (subMinuteTicks > 0)
        {
            if (subMinuteTicks % TimeSpan.TicksPerSecond == 0)
                sb.Append((subMinuteTicks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture)).Append('s');
            else
                sb.Append((subMinuteTicks / (decimal)TimeSpan.TicksPerSecond).ToString("0.#######", CultureInfo.InvariantCulture)).Append('s');
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
