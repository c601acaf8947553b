using System.Globalization;
using System.Text;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Go's reference-time layouts ("Mon Jan 2 15:04:05 MST 2006"): formatting (<c>Time.Format</c>) and parsing
/// (<c>time.ParseInLocation</c> with the controller's zone, UTC), element for element as Go reads a layout.
/// </summary>
internal static class GoLayout
{
    public static readonly string[] LongMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly string[] LongDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private enum Std
    {
        None, LongMonth, Month, NumMonth, ZeroMonth, LongWeekDay, WeekDay, Day, UnderDay, ZeroDay, UnderYearDay, ZeroYearDay,
        Hour, Hour12, ZeroHour12, Minute, ZeroMinute, Second, ZeroSecond, LongYear, Year, PM, LowerPM, TZ,
        Iso8601TZ, Iso8601SecondsTZ, Iso8601ShortTZ, Iso8601ColonTZ, Iso8601ColonSecondsTZ,
        NumTZ, NumSecondsTZ, NumShortTZ, NumColonTZ, NumColonSecondsTZ, Frac0, Frac9,
    }

    /// <summary>The next layout element at or after <paramref name="start"/>: where it begins, its length and kind.</summary>
    private static (int At, int Length, Std Kind) Next(string l, int start)
    {
        bool At(int i, string s) => string.CompareOrdinal(l, i, s, 0, s.Length) == 0 && i + s.Length <= l.Length;
        bool LowerAfter(int i) => i < l.Length && l[i] is >= 'a' and <= 'z';
        for (var i = start; i < l.Length; i++)
        {
            switch (l[i])
            {
                case 'J':
                    if (At(i, "January")) return (i, 7, Std.LongMonth);
                    if (At(i, "Jan") && !LowerAfter(i + 3)) return (i, 3, Std.Month);
                    break;
                case 'M':
                    if (At(i, "Monday")) return (i, 6, Std.LongWeekDay);
                    if (At(i, "Mon") && !LowerAfter(i + 3)) return (i, 3, Std.WeekDay);
                    if (At(i, "MST")) return (i, 3, Std.TZ);
                    break;
                case '0':
                    if (i + 1 < l.Length && l[i + 1] is >= '1' and <= '6')
                        return (i, 2, l[i + 1] switch { '1' => Std.ZeroMonth, '2' => Std.ZeroDay, '3' => Std.ZeroHour12, '4' => Std.ZeroMinute, '5' => Std.ZeroSecond, _ => Std.Year });
                    if (At(i, "002")) return (i, 3, Std.ZeroYearDay);
                    break;
                case '1':
                    if (At(i, "15")) return (i, 2, Std.Hour);
                    return (i, 1, Std.NumMonth);
                case '2':
                    if (At(i, "2006")) return (i, 4, Std.LongYear);
                    return (i, 1, Std.Day);
                case '_':
                    if (At(i, "_2"))
                    {
                        // "_2006" is a literal underscore followed by the year.
                        if (At(i, "_2006")) return (i + 1, 4, Std.LongYear);
                        return (i, 2, Std.UnderDay);
                    }
                    if (At(i, "__2")) return (i, 3, Std.UnderYearDay);
                    break;
                case '3': return (i, 1, Std.Hour12);
                case '4': return (i, 1, Std.Minute);
                case '5': return (i, 1, Std.Second);
                case 'P':
                    if (At(i, "PM")) return (i, 2, Std.PM);
                    break;
                case 'p':
                    if (At(i, "pm")) return (i, 2, Std.LowerPM);
                    break;
                case '-':
                    if (At(i, "-070000")) return (i, 7, Std.NumSecondsTZ);
                    if (At(i, "-07:00:00")) return (i, 9, Std.NumColonSecondsTZ);
                    if (At(i, "-0700")) return (i, 5, Std.NumTZ);
                    if (At(i, "-07:00")) return (i, 6, Std.NumColonTZ);
                    if (At(i, "-07")) return (i, 3, Std.NumShortTZ);
                    break;
                case 'Z':
                    if (At(i, "Z070000")) return (i, 7, Std.Iso8601SecondsTZ);
                    if (At(i, "Z07:00:00")) return (i, 9, Std.Iso8601ColonSecondsTZ);
                    if (At(i, "Z0700")) return (i, 5, Std.Iso8601TZ);
                    if (At(i, "Z07:00")) return (i, 6, Std.Iso8601ColonTZ);
                    if (At(i, "Z07")) return (i, 3, Std.Iso8601ShortTZ);
                    break;
                case '.' or ',':
                    if (i + 1 < l.Length && l[i + 1] is '0' or '9')
                    {
                        var ch = l[i + 1];
                        var j = i + 1;
                        while (j < l.Length && l[j] == ch) j++;
                        if (!(j < l.Length && char.IsAsciiDigit(l[j]))) return (i, j - i, ch == '0' ? Std.Frac0 : Std.Frac9);
                    }
                    break;
            }
        }
        return (l.Length, 0, Std.None);
    }

    private static string Pad(long v, int width) => v < 0 ? "-" + (-v).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') : v.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    /// <summary>Go's <c>Time.Format</c>.</summary>
    public static string Format(GoTime t, string layout)
    {
        var local = t.Local;
        var offset = t.Offset;
        var sb = new StringBuilder();
        var pos = 0;
        while (pos < layout.Length)
        {
            var (at, len, std) = Next(layout, pos);
            sb.Append(layout, pos, at - pos);
            if (std == Std.None) break;
            pos = at + len;
            var hour = local.Hour;
            switch (std)
            {
                case Std.Year: sb.Append(Pad(local.Year % 100, 2)); break;
                case Std.LongYear: sb.Append(Pad(local.Year, 4)); break;
                case Std.Month: sb.Append(LongMonthNames[local.Month - 1][..3]); break;
                case Std.LongMonth: sb.Append(LongMonthNames[local.Month - 1]); break;
                case Std.NumMonth: sb.Append(local.Month); break;
                case Std.ZeroMonth: sb.Append(Pad(local.Month, 2)); break;
                case Std.WeekDay: sb.Append(LongDayNames[(int)local.DayOfWeek][..3]); break;
                case Std.LongWeekDay: sb.Append(LongDayNames[(int)local.DayOfWeek]); break;
                case Std.Day: sb.Append(local.Day); break;
                case Std.UnderDay: sb.Append(local.Day < 10 ? " " : "").Append(local.Day); break;
                case Std.ZeroDay: sb.Append(Pad(local.Day, 2)); break;
                case Std.UnderYearDay: sb.Append(local.DayOfYear.ToString(CultureInfo.InvariantCulture).PadLeft(3, ' ')); break;
                case Std.ZeroYearDay: sb.Append(Pad(local.DayOfYear, 3)); break;
                case Std.Hour: sb.Append(Pad(hour, 2)); break;
                case Std.Hour12: sb.Append(hour % 12 == 0 ? 12 : hour % 12); break;
                case Std.ZeroHour12: sb.Append(Pad(hour % 12 == 0 ? 12 : hour % 12, 2)); break;
                case Std.Minute: sb.Append(local.Minute); break;
                case Std.ZeroMinute: sb.Append(Pad(local.Minute, 2)); break;
                case Std.Second: sb.Append(local.Second); break;
                case Std.ZeroSecond: sb.Append(Pad(local.Second, 2)); break;
                case Std.PM: sb.Append(hour >= 12 ? "PM" : "AM"); break;
                case Std.LowerPM: sb.Append(hour >= 12 ? "pm" : "am"); break;
                case Std.TZ:
                    {
                        var name = t.Zone.AbbreviationAt(t.Utc);
                        if (name.Length > 0) sb.Append(name);
                        else AppendOffset(sb, offset, colon: false, seconds: false, shortForm: false);
                        break;
                    }
                case Std.Iso8601TZ or Std.Iso8601SecondsTZ or Std.Iso8601ShortTZ or Std.Iso8601ColonTZ or Std.Iso8601ColonSecondsTZ when offset == 0:
                    sb.Append('Z');
                    break;
                case Std.Iso8601TZ or Std.NumTZ: AppendOffset(sb, offset, false, false, false); break;
                case Std.Iso8601SecondsTZ or Std.NumSecondsTZ: AppendOffset(sb, offset, false, true, false); break;
                case Std.Iso8601ShortTZ or Std.NumShortTZ: AppendOffset(sb, offset, false, false, true); break;
                case Std.Iso8601ColonTZ or Std.NumColonTZ: AppendOffset(sb, offset, true, false, false); break;
                case Std.Iso8601ColonSecondsTZ or Std.NumColonSecondsTZ: AppendOffset(sb, offset, true, true, false); break;
                case Std.Frac0 or Std.Frac9:
                    {
                        var digits = len - 1;
                        var frac = t.Nanosecond.ToString("D9", CultureInfo.InvariantCulture)[..Math.Min(digits, 9)];
                        if (std == Std.Frac9)
                        {
                            frac = frac.TrimEnd('0');
                            if (frac.Length == 0) break;
                        }
                        else if (digits > 9) frac = frac.PadRight(digits, '0');
                        sb.Append(layout[at]).Append(frac);
                        break;
                    }
            }
        }
        return sb.ToString();
    }

    private static void AppendOffset(StringBuilder sb, int offset, bool colon, bool seconds, bool shortForm)
    {
        sb.Append(offset < 0 ? '-' : '+');
        var abs = Math.Abs(offset);
        sb.Append(Pad(abs / 3600, 2));
        if (!shortForm)
        {
            if (colon) sb.Append(':');
            sb.Append(Pad(abs / 60 % 60, 2));
        }
        if (seconds)
        {
            if (colon) sb.Append(':');
            sb.Append(Pad(abs % 60, 2));
        }
    }

    /// <summary>Go's <c>time.ParseInLocation(layout, value, time.Local)</c> with Local being UTC.</summary>
    /// <exception cref="TemplateFunctionException">The value does not match the layout; the message is Go's.</exception>
    public static GoTime Parse(string layout, string value)
    {
        var origLayout = layout;
        var origValue = value;
        int year = 1, month = -1, day = -1, hour = 0, min = 0, sec = 0, nanos = 0;
        bool pm = false, am = false, utc = false;
        int? zoneOffset = null;
        string? zoneName = null;
        var pos = 0;
        TemplateFunctionException Bad(string valueElem, string layoutElem)
            => new($"parsing time {GoFormat.Quote(origValue)} as {GoFormat.Quote(origLayout)}: cannot parse {GoFormat.Quote(valueElem)} as {GoFormat.Quote(layoutElem)}");
        TemplateFunctionException Range(string what) => new($"parsing time {GoFormat.Quote(origValue)}: {what} out of range");

        while (true)
        {
            var (at, len, std) = Next(layout, pos);
            var prefix = layout[pos..at];
            var stdText = layout.Substring(at, len);
            if (!Skip(ref value, prefix)) throw Bad(value, prefix);
            if (std == Std.None)
            {
                if (value.Length > 0) throw new TemplateFunctionException($"parsing time {GoFormat.Quote(origValue)}: extra text: {GoFormat.Quote(value)}");
                break;
            }
            pos = at + len;
            var hold = value;
            var ok = true;
            switch (std)
            {
                case Std.Year:
                    ok = Digits(ref value, 2, 2, out var y2);
                    year = y2 >= 69 ? y2 + 1900 : y2 + 2000;
                    break;
                case Std.LongYear:
                    ok = value.Length >= 4 && value[..4].All(char.IsAsciiDigit) && Digits(ref value, 4, 4, out year);
                    break;
                case Std.Month or Std.LongMonth:
                    ok = Lookup(ref value, std == Std.Month ? LongMonthNames.Select(n => n[..3]).ToArray() : LongMonthNames, out month);
                    month++;
                    break;
                case Std.NumMonth or Std.ZeroMonth:
                    ok = Digits(ref value, std == Std.ZeroMonth ? 2 : 1, 2, out month);
                    if (ok && (month < 1 || month > 12)) throw Range("month");
                    break;
                case Std.WeekDay or Std.LongWeekDay:
                    ok = Lookup(ref value, std == Std.WeekDay ? LongDayNames.Select(n => n[..3]).ToArray() : LongDayNames, out _);
                    break;
                case Std.Day or Std.UnderDay or Std.ZeroDay:
                    if (std == Std.UnderDay && value.Length > 0 && value[0] == ' ') value = value[1..];
                    ok = Digits(ref value, std == Std.ZeroDay ? 2 : 1, 2, out day);
                    break;
                case Std.UnderYearDay or Std.ZeroYearDay:
                    while (std == Std.UnderYearDay && value.Length > 0 && value[0] == ' ') value = value[1..];
                    ok = Digits(ref value, std == Std.ZeroYearDay ? 3 : 1, 3, out _);
                    break;
                case Std.Hour:
                    ok = Digits(ref value, 1, 2, out hour);
                    if (ok && hour > 23) throw Range("hour");
                    break;
                case Std.Hour12 or Std.ZeroHour12:
                    ok = Digits(ref value, std == Std.ZeroHour12 ? 2 : 1, 2, out hour);
                    if (ok && hour > 12) throw Range("hour");
                    break;
                case Std.Minute or Std.ZeroMinute:
                    ok = Digits(ref value, std == Std.ZeroMinute ? 2 : 1, 2, out min);
                    if (ok && min > 59) throw Range("minute");
                    break;
                case Std.Second or Std.ZeroSecond:
                    ok = Digits(ref value, std == Std.ZeroSecond ? 2 : 1, 2, out sec);
                    if (ok && sec > 59) throw Range("second");
                    // A fraction the layout does not mention is still read after the seconds.
                    if (ok && value.Length > 1 && value[0] is '.' or ',' && char.IsAsciiDigit(value[1]) && Next(layout, pos) is var n && !(n.At == pos && n.Kind is Std.Frac0 or Std.Frac9))
                        nanos = Fraction(ref value);
                    break;
                case Std.PM or Std.LowerPM:
                    ok = value.Length >= 2;
                    if (ok)
                    {
                        var p = value[..2];
                        if (std == Std.PM ? p == "PM" : p == "pm") pm = true;
                        else if (std == Std.PM ? p == "AM" : p == "am") am = true;
                        else ok = false;
                        if (ok) value = value[2..];
                    }
                    break;
                case Std.Iso8601TZ or Std.Iso8601SecondsTZ or Std.Iso8601ShortTZ or Std.Iso8601ColonTZ or Std.Iso8601ColonSecondsTZ
                    or Std.NumTZ or Std.NumSecondsTZ or Std.NumShortTZ or Std.NumColonTZ or Std.NumColonSecondsTZ:
                    {
                        if (std is Std.Iso8601TZ or Std.Iso8601SecondsTZ or Std.Iso8601ShortTZ or Std.Iso8601ColonTZ or Std.Iso8601ColonSecondsTZ
                            && value.Length >= 1 && value[0] == 'Z')
                        {
                            value = value[1..];
                            utc = true;
                            break;
                        }
                        var colon = std is Std.Iso8601ColonTZ or Std.Iso8601ColonSecondsTZ or Std.NumColonTZ or Std.NumColonSecondsTZ;
                        var withSeconds = std is Std.Iso8601SecondsTZ or Std.Iso8601ColonSecondsTZ or Std.NumSecondsTZ or Std.NumColonSecondsTZ;
                        var shortForm = std is Std.Iso8601ShortTZ or Std.NumShortTZ;
                        ok = value.Length >= 3 && value[0] is '+' or '-';
                        if (!ok) break;
                        var sign = value[0] == '-' ? -1 : 1;
                        var rest = value[1..];
                        ok = Digits(ref rest, 2, 2, out var hh);
                        var mm = 0;
                        var ss = 0;
                        if (ok && !shortForm)
                        {
                            if (colon) ok = SkipColon(ref rest);
                            ok = ok && Digits(ref rest, 2, 2, out mm);
                        }
                        if (ok && withSeconds)
                        {
                            if (colon) ok = SkipColon(ref rest);
                            ok = ok && Digits(ref rest, 2, 2, out ss);
                        }
                        if (ok && (hh > 24 || mm > 60 || ss > 60)) throw Range("time zone offset");
                        if (ok)
                        {
                            zoneOffset = sign * (hh * 3600 + mm * 60 + ss);
                            value = rest;
                        }
                        break;
                    }
                case Std.TZ:
                    {
                        if (value.StartsWith("UTC", StringComparison.Ordinal))
                        {
                            value = value[3..];
                            utc = true;
                            break;
                        }
                        var letters = 0;
                        while (letters < value.Length && letters < 5 && char.IsAsciiLetterUpper(value[letters])) letters++;
                        ok = letters >= 3;
                        if (!ok) break;
                        zoneName = value[..letters];
                        value = value[letters..];
                        if (zoneName == "GMT" && value.Length > 1 && value[0] is '+' or '-')
                        {
                            var k = 1;
                            while (k < value.Length && char.IsAsciiDigit(value[k])) k++;
                            zoneName += value[..k];
                            value = value[k..];
                        }
                        break;
                    }
                case Std.Frac0:
                    ok = value.Length >= len && value[0] is '.' or ',' && value[1..len].All(char.IsAsciiDigit);
                    if (ok)
                    {
                        var digits = value[1..len];
                        nanos = int.Parse((digits.Length > 9 ? digits[..9] : digits).PadRight(9, '0'), CultureInfo.InvariantCulture);
                        value = value[len..];
                    }
                    break;
                case Std.Frac9:
                    if (value.Length >= 2 && value[0] is '.' or ',' && char.IsAsciiDigit(value[1])) nanos = Fraction(ref value);
                    break;
            }
            if (!ok) throw Bad(hold, stdText);
        }
        if (pm && hour < 12) hour += 12;
        else if (am && hour == 12) hour = 0;
        if (month < 0) month = 1;
        if (day < 0) day = 1;
        if (day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month)) throw Range("day");
        if (year is < 1 or > 9999) throw Range("year");
        var wall = new DateTime(year, month, day, hour, min, sec, DateTimeKind.Utc).Ticks + nanos / 100;
        var extra = nanos % 100;
        if (utc) return new GoTime(wall, extra, GoZone.Utc);
        if (zoneOffset is { } off)
            return new GoTime(wall - off * TimeSpan.TicksPerSecond, extra, off == 0 ? GoZone.Utc : GoZone.Fixed("", off));
        if (zoneName is not null)
        {
            var gmtOffset = zoneName.Length > 3 && zoneName.StartsWith("GMT", StringComparison.Ordinal) && int.TryParse(zoneName[3..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var h) ? h * 3600 : 0;
            return new GoTime(wall - gmtOffset * TimeSpan.TicksPerSecond, extra, GoZone.Fixed(zoneName, gmtOffset));
        }
        return new GoTime(wall, extra, GoZone.Utc);
    }

    /// <summary>Matches literal layout text; a space in the layout matches one or more spaces, as in Go.</summary>
    private static bool Skip(ref string value, string prefix)
    {
        var p = 0;
        while (p < prefix.Length)
        {
            if (prefix[p] == ' ')
            {
                if (value.Length > 0 && value[0] != ' ') return false;
                while (p < prefix.Length && prefix[p] == ' ') p++;
                value = value.TrimStart(' ');
                continue;
            }
            if (value.Length == 0 || value[0] != prefix[p]) return false;
            value = value[1..];
            p++;
        }
        return true;
    }

    private static bool SkipColon(ref string value)
    {
        if (!value.StartsWith(':')) return false;
        value = value[1..];
        return true;
    }

    private static bool Digits(ref string value, int min, int max, out int n)
    {
        n = 0;
        var i = 0;
        while (i < value.Length && i < max && char.IsAsciiDigit(value[i])) i++;
        if (i < min) return false;
        n = int.Parse(value.AsSpan(0, i), CultureInfo.InvariantCulture);
        value = value[i..];
        return true;
    }

    private static bool Lookup(ref string value, string[] names, out int index)
    {
        for (index = 0; index < names.Length; index++)
        {
            if (value.Length >= names[index].Length && string.Equals(value[..names[index].Length], names[index], StringComparison.OrdinalIgnoreCase))
            {
                value = value[names[index].Length..];
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads a separator and its digits as nanoseconds (digits past the ninth are dropped).</summary>
    private static int Fraction(ref string value)
    {
        var i = 1;
        while (i < value.Length && char.IsAsciiDigit(value[i])) i++;
        var digits = value[1..i];
        value = value[i..];
        var nine = (digits.Length > 9 ? digits[..9] : digits).PadRight(9, '0');
        return int.Parse(nine, CultureInfo.InvariantCulture);
    }
}
