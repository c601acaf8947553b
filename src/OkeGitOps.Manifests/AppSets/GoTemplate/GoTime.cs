using System.Globalization;
using System.Text;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// A Go <c>time.Time</c>: an instant with nanosecond precision and the zone it is shown in. It prints as Go's
/// <c>%v</c> does (<c>2024-03-01 12:00:00 +0000 UTC</c>, fraction only when non-zero, no monotonic clock reading) and
/// offers the common methods (<c>.Year</c>, <c>.Unix</c>, <c>.Format "2006-01-02"</c>, <c>.UTC</c>, ...).
/// </summary>
internal sealed class GoTime : IGoObject
{
    /// <summary>Go's zero time, 0001-01-01 00:00:00 UTC, which failed parses return.</summary>
    public static readonly GoTime Zero = new(0, 0, GoZone.Utc);

    public GoTime(long utcTicks, int extraNanos, GoZone zone)
    {
        UtcTicks = utcTicks;
        ExtraNanos = extraNanos;
        Zone = zone;
    }

    /// <summary>The instant as <see cref="DateTime"/> ticks (100 ns) in UTC.</summary>
    public long UtcTicks { get; }

    /// <summary>Nanoseconds below one tick (0 to 99).</summary>
    public int ExtraNanos { get; }

    public GoZone Zone { get; }

    public string GoTypeName => "time.Time";

    public string GoKindName => "struct";

    public static GoTime FromUnix(long seconds, GoZone zone) => new(DateTime.UnixEpoch.Ticks + seconds * TimeSpan.TicksPerSecond, 0, zone);

    public static GoTime FromOffset(DateTimeOffset instant, GoZone zone) => new(instant.UtcTicks, 0, zone);

    public DateTime Utc => new(UtcTicks, DateTimeKind.Utc);

    /// <summary>The zone's offset from UTC at this instant, in seconds.</summary>
    public int Offset => Zone.OffsetAt(Utc);

    /// <summary>The wall clock in <see cref="Zone"/>.</summary>
    public DateTime Local
    {
        get
        {
            var ticks = UtcTicks + Offset * TimeSpan.TicksPerSecond;
            return new DateTime(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Unspecified);
        }
    }

    public int Nanosecond => (int)(Local.Ticks % TimeSpan.TicksPerSecond) * 100 + ExtraNanos;

    public long Unix => FloorDiv(UtcTicks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerSecond);

    private static long FloorDiv(long a, long b) => a / b - (a % b < 0 ? 1 : 0);

    public GoTime In(GoZone zone) => new(UtcTicks, ExtraNanos, zone);

    /// <summary>Adds a Go duration (nanoseconds).</summary>
    public GoTime Add(long nanos)
    {
        var total = ExtraNanos + nanos % 100;
        var ticks = UtcTicks + nanos / 100 + FloorDiv(total, 100);
        var extra = (int)(total - FloorDiv(total, 100) * 100);
        ticks = Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
        return new GoTime(ticks, extra, Zone);
    }

    /// <summary>Nanoseconds from <paramref name="other"/> to this instant, saturating as Go's <c>Sub</c> does.</summary>
    public long Since(GoTime other)
    {
        var ticks = (decimal)UtcTicks - other.UtcTicks;
        var nanos = ticks * 100 + ExtraNanos - other.ExtraNanos;
        return nanos > long.MaxValue ? long.MaxValue : nanos < long.MinValue ? long.MinValue : (long)nanos;
    }

    /// <summary>Go's <c>Time.String</c>.</summary>
    public override string ToString() => GoLayout.Format(this, "2006-01-02 15:04:05.999999999 -0700 MST");

    public bool TryInvoke(string name, IReadOnlyList<object?> args, out object? result)
    {
        var local = Local;
        result = name switch
        {
            "Year" => (long)local.Year,
            "Month" => GoLayout.LongMonthNames[local.Month - 1],
            "Day" => (long)local.Day,
            "Hour" => (long)local.Hour,
            "Minute" => (long)local.Minute,
            "Second" => (long)local.Second,
            "Nanosecond" => (long)Nanosecond,
            "YearDay" => (long)local.DayOfYear,
            "Weekday" => GoLayout.LongDayNames[(int)local.DayOfWeek],
            "Unix" => Unix,
            "UnixMilli" => FloorDiv(UtcTicks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerMillisecond),
            "UnixNano" => (long)(((decimal)UtcTicks - DateTime.UnixEpoch.Ticks) * 100 + ExtraNanos),
            "UTC" => In(GoZone.Utc),
            "Local" => In(GoZone.Utc),
            "IsZero" => UtcTicks == 0 && ExtraNanos == 0,
            "String" => ToString(),
            "Format" => args.Count == 1 ? GoLayout.Format(this, TemplateFunctions.Str(args[0])) : throw new TemplateArgumentException($"wrong number of args for Format: want 1 got {args.Count}"),
            "Before" => Since(Other(args, name)) < 0,
            "After" => Since(Other(args, name)) > 0,
            "Equal" => Since(Other(args, name)) == 0,
            _ => GoValues.Missing,
        };
        if (name is not ("Format" or "Before" or "After" or "Equal") && !GoValues.IsMissing(result) && args.Count > 0)
            throw new TemplateArgumentException($"wrong number of args for {name}: want 0 got {args.Count}");
        return !GoValues.IsMissing(result);
    }

    private static GoTime Other(IReadOnlyList<object?> args, string name)
    {
        if (args.Count != 1) throw new TemplateArgumentException($"wrong number of args for {name}: want 1 got {args.Count}");
        return args[0] as GoTime ?? throw new TemplateArgumentException($"wrong type for value; expected time.Time; got {GoValues.TypeName(args[0])}");
    }
}

/// <summary>
/// A Go <c>*time.Location</c>: UTC, a fixed offset (with or without a name), or an IANA zone read from the system's
/// time zone database; its abbreviations (CET, EDT, ...) come from the zone's TZif file as Go's do.
/// </summary>
internal sealed class GoZone
{
    public static readonly GoZone Utc = new("UTC", null, 0);

    private static readonly Dictionary<string, List<(int Offset, bool Dst, string Abbrev)>> AbbrevCache = new(StringComparer.Ordinal);

    private GoZone(string name, TimeZoneInfo? info, int fixedOffset)
    {
        Name = name;
        Info = info;
        FixedOffset = fixedOffset;
    }

    /// <summary>The zone name for fixed zones; the IANA name for loaded zones.</summary>
    public string Name { get; }

    public TimeZoneInfo? Info { get; }

    public int FixedOffset { get; }

    /// <summary>Go's <c>FixedZone(name, offset)</c>.</summary>
    public static GoZone Fixed(string name, int offsetSeconds) => new(name, null, offsetSeconds);

    /// <summary>Go's <c>LoadLocation</c>: "" and "UTC" are UTC, "Local" is the controller's zone (UTC), others come from the zone database.</summary>
    public static GoZone? Load(string name)
    {
        if (name is "" or "UTC" or "Local") return Utc;
        if (name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/') || name.Contains('\\')) return null;
        try
        {
            // Only IANA names, as Go's LoadLocation reads them from the zone database.
            var info = TimeZoneInfo.FindSystemTimeZoneById(name);
            return info.HasIanaId ? new GoZone(name, info, 0) : null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException or ArgumentException)
        {
            return null;
        }
    }

    public int OffsetAt(DateTime utc) => Info is null ? FixedOffset : (int)Info.GetUtcOffset(utc).TotalSeconds;

    /// <summary>The abbreviation Go prints for <c>MST</c> in a layout; empty when the zone has none.</summary>
    public string AbbreviationAt(DateTime utc)
    {
        if (Info is null) return Name;
        var offset = OffsetAt(utc);
        var dst = Info.IsDaylightSavingTime(utc);
        var table = Abbreviations(Name);
        var match = table.LastOrDefault(t => t.Offset == offset && t.Dst == dst);
        if (match.Abbrev is null) match = table.LastOrDefault(t => t.Offset == offset);
        return match.Abbrev ?? "";
    }

    /// <summary>The (offset, dst, abbreviation) records of a zone's TZif file, or none when it cannot be read.</summary>
    private static List<(int Offset, bool Dst, string Abbrev)> Abbreviations(string zone)
    {
        lock (AbbrevCache)
        {
            if (AbbrevCache.TryGetValue(zone, out var cached)) return cached;
            var list = new List<(int, bool, string)>();
            try
            {
                var path = Path.Combine(Environment.GetEnvironmentVariable("ZONEINFO") is { Length: > 0 } zi ? zi : "/usr/share/zoneinfo", zone);
                var data = File.ReadAllBytes(path);
                if (data.Length >= 44 && data[0] == 'T' && data[1] == 'Z' && data[2] == 'i' && data[3] == 'f')
                {
                    int Count(int at) => (data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3];
                    int isut = Count(20), isstd = Count(24), leap = Count(28), time = Count(32), type = Count(36), chars = Count(40);
                    var p = 44 + time * 5;
                    var abbrevAt = p + type * 6;
                    for (var i = 0; i < type && abbrevAt + chars <= data.Length; i++)
                    {
                        var off = Count(p + i * 6);
                        var isDst = data[p + i * 6 + 4] != 0;
                        var idx = data[p + i * 6 + 5];
                        var end = idx;
                        while (end < chars && data[abbrevAt + end] != 0) end++;
                        list.Add((off, isDst, Encoding.ASCII.GetString(data, abbrevAt + idx, end - idx)));
                    }
                    _ = isut + isstd + leap;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
            }
            AbbrevCache[zone] = list;
            return list;
        }
    }
}

/// <summary>Go's <c>time.Duration</c> text: <c>String</c> ("1h2m3s", "1.5s", "0s") and <c>ParseDuration</c>.</summary>
internal static class GoDuration
{
    public const long Nanosecond = 1, Microsecond = 1000, Millisecond = 1_000_000, Second = 1_000_000_000, Minute = 60 * Second, Hour = 60 * Minute;

    public static string Format(long d)
    {
        if (d == 0) return "0s";
        var neg = d < 0;
        var u = neg ? (ulong)(-(d + 1)) + 1 : (ulong)d;
        var sb = new StringBuilder();
        if (u < (ulong)Second)
        {
            // Below one second: the largest unit that keeps a whole part.
            var (unit, name) = u < (ulong)Microsecond ? (1UL, "ns") : u < (ulong)Millisecond ? ((ulong)Microsecond, "µs") : ((ulong)Millisecond, "ms");
            sb.Append(Fraction(u, unit)).Append(name);
        }
        else
        {
            var hours = u / (ulong)Hour;
            var rest = u % (ulong)Hour;
            var minutes = rest / (ulong)Minute;
            var seconds = rest % (ulong)Minute;
            if (hours > 0) sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            if (hours > 0 || minutes > 0) sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            sb.Append(Fraction(seconds, (ulong)Second)).Append('s');
        }
        return (neg ? "-" : "") + sb;
    }

    private static string Fraction(ulong value, ulong unit)
    {
        var whole = (value / unit).ToString(CultureInfo.InvariantCulture);
        var frac = value % unit;
        if (frac == 0) return whole;
        var digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole + "." + frac.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }

    private static readonly Dictionary<string, long> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = Nanosecond, ["us"] = Microsecond, ["µs"] = Microsecond, ["μs"] = Microsecond,
        ["ms"] = Millisecond, ["s"] = Second, ["m"] = Minute, ["h"] = Hour,
    };

    /// <summary>Go's <c>time.ParseDuration</c>: signed sequence of decimal numbers with units (ns, us, µs, ms, s, m, h).</summary>
    /// <exception cref="TemplateFunctionException">The text is not a duration; the message is Go's.</exception>
    public static long Parse(string text)
    {
        var orig = text;
        var s = text;
        var neg = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            neg = s[0] == '-';
            s = s[1..];
        }
        if (s == "0") return 0;
        if (s.Length == 0) throw Invalid(orig);
        decimal total = 0;
        while (s.Length > 0)
        {
            var i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            var intPart = s[..i];
            var fracPart = "";
            if (i < s.Length && s[i] == '.')
            {
                var j = i + 1;
                while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
                fracPart = s[(i + 1)..j];
                i = j;
            }
            if (intPart.Length == 0 && fracPart.Length == 0) throw Invalid(orig);
            var u = i;
            while (u < s.Length && s[u] != '.' && !char.IsAsciiDigit(s[u])) u++;
            if (u == i) throw new TemplateFunctionException($"time: missing unit in duration {GoFormat.Quote(orig)}");
            var unitText = s[i..u];
            if (!Units.TryGetValue(unitText, out var unit))
                throw new TemplateFunctionException($"time: unknown unit {GoFormat.Quote(unitText)} in duration {GoFormat.Quote(orig)}");
            var number = decimal.Parse((intPart.Length == 0 ? "0" : intPart) + (fracPart.Length > 0 ? "." + fracPart[..Math.Min(fracPart.Length, 20)] : ""), CultureInfo.InvariantCulture);
            total += decimal.Truncate(number * unit);
            if (total > long.MaxValue) throw Invalid(orig);
            s = s[u..];
        }
        return neg ? -(long)total : (long)total;
    }

    private static TemplateFunctionException Invalid(string text) => new($"time: invalid duration {GoFormat.Quote(text)}");
}
