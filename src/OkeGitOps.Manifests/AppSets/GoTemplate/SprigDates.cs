using System.Globalization;
using static OkeGitOps.Manifests.AppSets.GoTemplate.TemplateFunctions;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Sprig's date functions over <see cref="GoTime"/>, reading the clock of the run's <see cref="GoTemplateEnvironment"/>.
/// The controller's local zone is taken to be UTC (an Argo CD pod without a TZ setting), so <c>date</c>, <c>now</c> and
/// <c>toDate</c> work in UTC; <c>dateInZone</c> loads IANA zones from the system's zone database and falls back to
/// UTC for unknown names, as Sprig does.
/// </summary>
internal static class SprigDates
{
    public static void Add(Dictionary<string, TemplateFunction> f)
    {
        f["now"] = new(0, 0, (c, _) => Now(c));
        f["date"] = new(2, 2, (c, a) => DateInZone(c, Str(a[0]), a[1], "Local"));
        f["dateInZone"] = new(3, 3, (c, a) => DateInZone(c, Str(a[0]), a[1], Str(a[2])));
        f["date_in_zone"] = f["dateInZone"];
        f["htmlDate"] = new(1, 1, (c, a) => DateInZone(c, "2006-01-02", a[0], "Local"));
        f["htmlDateInZone"] = new(2, 2, (c, a) => DateInZone(c, "2006-01-02", a[0], Str(a[1])));
        // dateModify keeps the time when the duration does not parse; the must variant reports it.
        f["dateModify"] = new(2, 2, (_, a) => TryDuration(Str(a[0])) is { } d ? Time(a[1]).Add(d) : Time(a[1]));
        f["date_modify"] = f["dateModify"];
        f["mustDateModify"] = new(2, 2, (_, a) =>
        {
            var t = Time(a[1]);
            return t.Add(GoDuration.Parse(Str(a[0])));
        });
        f["must_date_modify"] = f["mustDateModify"];
        f["ago"] = new(1, 1, (c, a) => GoDuration.Format(RoundToSecond(Now(c).Since(TimeOf(c, a[0])))));
        f["toDate"] = new(2, 2, (_, a) =>
        {
            var layout = Str(a[0]);
            var value = Str(a[1]);
            try
            {
                return GoLayout.Parse(layout, value);
            }
            catch (TemplateFunctionException)
            {
                return GoTime.Zero;
            }
        });
        f["mustToDate"] = new(2, 2, (_, a) => GoLayout.Parse(Str(a[0]), Str(a[1])));
        f["unixEpoch"] = new(1, 1, (_, a) => Time(a[0]).Unix.ToString(CultureInfo.InvariantCulture));
        f["duration"] = new(1, 1, (_, a) => GoDuration.Format(Seconds(a[0])));
        f["durationRound"] = new(1, 1, (c, a) => DurationRound(c, a[0]));
    }

    private static GoTime Now(FunctionContext c) => GoTime.FromOffset(c.Environment.Now(), GoZone.Utc);

    /// <summary>A <c>time.Time</c> argument, with Go's wording when it is something else.</summary>
    private static GoTime Time(object? v) => v switch
    {
        GoTime t => t,
        GoValues.MissingValue => throw new TemplateArgumentException("invalid value; expected time.Time"),
        _ => throw new TemplateArgumentException($"wrong type for value; expected time.Time; got {(v is null ? "interface {}" : GoValues.TypeName(v))}"),
    };

    /// <summary>Sprig's reading of a date argument: a time, or whole seconds since the epoch; anything else means now.</summary>
    private static GoTime TimeOf(FunctionContext c, object? v) => v switch
    {
        GoTime t => t,
        long l => GoTime.FromUnix(l, GoZone.Utc),
        int i => GoTime.FromUnix(i, GoZone.Utc),
        _ => Now(c),
    };

    private static string DateInZone(FunctionContext c, string layout, object? date, string zone)
    {
        var t = TimeOf(c, date);
        var loc = GoZone.Load(zone) ?? GoZone.Utc;
        return GoLayout.Format(t.In(loc), layout);
    }

    private static long? TryDuration(string text)
    {
        try
        {
            return GoDuration.Parse(text);
        }
        catch (TemplateFunctionException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>duration</c>'s argument: whole seconds as a decimal string or an integer (Go's int64; in Argo CD a bare
    /// literal is an int, which Sprig does not read and prints as 0s; this engine does not tell the two apart).
    /// </summary>
    private static long Seconds(object? v)
    {
        long n = v switch
        {
            string s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x) ? x : 0,
            long l => l,
            _ => 0,
        };
        var nanos = (decimal)n * GoDuration.Second;
        // Go's multiplication wraps; a preview clamps instead of inventing a wrapped value.
        return nanos > long.MaxValue ? long.MaxValue : nanos < long.MinValue ? long.MinValue : (long)nanos;
    }

    private static long RoundToSecond(long nanos)
    {
        var r = nanos % GoDuration.Second;
        if (r == 0) return nanos;
        var half = GoDuration.Second / 2;
        if (nanos >= 0) return r >= half ? nanos - r + GoDuration.Second : nanos - r;
        return -r >= half ? nanos - r - GoDuration.Second : nanos - r;
    }

    /// <summary>Sprig's coarse duration: the largest of years (365 days), months (30 days), days, hours, minutes, seconds that fits.</summary>
    private static string DurationRound(FunctionContext c, object? v)
    {
        long d = v switch
        {
            string s => TryDuration(s) ?? 0,
            long l => l,
            GoTime t => Now(c).Since(t),
            _ => 0,
        };
        var u = d == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(d);
        const ulong hour = 3_600_000_000_000UL;
        (ulong Size, string Unit)[] units = [(hour * 24 * 365, "y"), (hour * 24 * 30, "mo"), (hour * 24, "d"), (hour, "h"), (60_000_000_000UL, "m"), (1_000_000_000UL, "s")];
        foreach (var (size, unit) in units)
        {
            if (u > size) return (u / size).ToString(CultureInfo.InvariantCulture) + unit;
        }
        return "0s";
    }
}
