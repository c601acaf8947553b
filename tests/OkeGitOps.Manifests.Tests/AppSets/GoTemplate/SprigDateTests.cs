using OkeGitOps.Manifests.AppSets.GoTemplate;
using Engine = OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate;

namespace OkeGitOps.Manifests.Tests.AppSets.GoTemplate;

/// <summary>
/// Sprig's date functions with Go's reference-time layouts, time zones and durations, under a fixed clock:
/// Tuesday 2024-03-05 14:08:09.123456 UTC. Expected texts are worked out by hand from Go's documented layout rules.
/// </summary>
public class SprigDateTests
{
    private static readonly DateTimeOffset Clock = new DateTimeOffset(2024, 3, 5, 14, 8, 9, TimeSpan.Zero).AddTicks(1_234_560);

    private static string Render(string template, object? data = null)
        => Engine.Parse(template).Execute(data ?? new Dictionary<string, object?> { ["n"] = 3.0 }, new GoTemplateEnvironment(Clock));

    [Theory]
    [InlineData("{{ now }}", "2024-03-05 14:08:09.123456 +0000 UTC")]
    [InlineData("{{ now | date \"2006-01-02 15:04:05\" }}", "2024-03-05 14:08:09")]
    [InlineData("{{ now | date \"Mon Jan _2 15:04:05 2006\" }}", "Tue Mar  5 14:08:09 2024")]
    [InlineData("{{ now | date \"Monday, January 2, 2006 3:04PM\" }}", "Tuesday, March 5, 2024 2:08PM")]
    [InlineData("{{ now | date \"06-1-2 03:4:5 pm\" }}", "24-3-5 02:8:9 pm")]
    [InlineData("{{ now | date \"2006-01-02T15:04:05.000Z07:00\" }}", "2024-03-05T14:08:09.123Z")]
    [InlineData("{{ now | date \"15:04:05.999999999\" }}", "14:08:09.123456")]
    [InlineData("{{ now | date \"05,00\" }}", "09,12")]
    [InlineData("{{ now | date \"002 __2\" }}", "065  65")]
    [InlineData("{{ now | date \"-0700 -07:00 -07 Z0700 MST\" }}", "+0000 +00:00 +00 Z UTC")]
    [InlineData("{{ now | date \"Jan is January; Mon is Monday\" }}", "Mar is March; Tue is Tuesday")]
    [InlineData("{{ htmlDate now }}", "2024-03-05")]
    public void Date_formats_with_go_reference_layouts(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ dateInZone \"2006-01-02 15:04 MST -07:00\" now \"America/New_York\" }}", "2024-03-05 09:08 EST -05:00")]
    [InlineData("{{ dateInZone \"2006-01-02 15:04 MST\" (toDate \"2006-01-02 15:04\" \"2024-07-01 12:00\") \"Europe/Berlin\" }}", "2024-07-01 14:00 CEST")]
    [InlineData("{{ dateInZone \"15:04 MST\" now \"Asia/Kolkata\" }}", "19:38 IST")]
    [InlineData("{{ dateInZone \"15:04 MST\" now \"Mars/Olympus_Mons\" }}", "14:08 UTC")]
    [InlineData("{{ htmlDateInZone now \"Pacific/Kiritimati\" }}", "2024-03-06")]
    [InlineData("{{ dateInZone \"15:04\" now \"Local\" }}", "14:08")]
    public void DateInZone_uses_the_zone_database_and_falls_back_to_utc(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ date \"2006\" .n }}", "2024")]
    [InlineData("{{ date \"2006-01-02 15:04:05\" 1709596800 }}", "2024-03-05 00:00:00")]
    public void Date_reads_integers_as_unix_seconds_and_anything_else_as_now(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-05T10:00:00+02:00\" }}", "2024-03-05 10:00:00 +0200 +0200")]
    [InlineData("{{ (toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-05T10:00:00+02:00\").UTC }}", "2024-03-05 08:00:00 +0000 UTC")]
    [InlineData("{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-05T10:00:00Z\" }}", "2024-03-05 10:00:00 +0000 UTC")]
    [InlineData("{{ toDate \"2006-01-02T15:04:05.999Z07:00\" \"2024-03-05T10:00:00.25+00:00\" }}", "2024-03-05 10:00:00.25 +0000 UTC")]
    [InlineData("{{ toDate \"2006-01-02 15:04:05\" \"2024-03-05 10:00:00.5\" }}", "2024-03-05 10:00:00.5 +0000 UTC")]
    [InlineData("{{ toDate \"2006-01-02 3:04PM\" \"2024-03-05 12:30AM\" }}", "2024-03-05 00:30:00 +0000 UTC")]
    [InlineData("{{ toDate \"Jan 2, 2006 at 3:04pm (MST)\" \"Feb 3, 2013 at 7:54pm (PST)\" }}", "2013-02-03 19:54:00 +0000 PST")]
    [InlineData("{{ toDate \"2006-01-02\" \"nope\" }}", "0001-01-01 00:00:00 +0000 UTC")]
    [InlineData("{{ unixEpoch now }}", "1709647689")]
    [InlineData("{{ (now).Year }}-{{ (now).Month }}-{{ (now).Day }} {{ (now).Weekday }} {{ (now).YearDay }}", "2024-March-5 Tuesday 65")]
    [InlineData("{{ (now).Format \"Jan 2\" }}|{{ (now).Unix }}|{{ (now).Nanosecond }}", "Mar 5|1709647689|123456000")]
    [InlineData("{{ typeOf now }}|{{ kindOf now }}", "time.Time|struct")]
    [InlineData("{{ toJson (toDate \"2006-01-02\" \"2024-03-05\") }}", "\"2024-03-05T00:00:00Z\"")]
    public void ToDate_parses_go_layouts_in_utc_and_prints_like_go(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ mustToDate \"2006-01-02\" \"nope\" }}", "error calling mustToDate: parsing time \"nope\" as \"2006-01-02\": cannot parse \"nope\" as \"2006\"")]
    [InlineData("{{ mustToDate \"2006-01-02\" \"2024-02-30\" }}", "error calling mustToDate: parsing time \"2024-02-30\": day out of range")]
    [InlineData("{{ mustToDate \"2006-01-02\" \"2024-13-01\" }}", "error calling mustToDate: parsing time \"2024-13-01\": month out of range")]
    [InlineData("{{ mustToDate \"2006-01-02\" \"2024-03-05x\" }}", "error calling mustToDate: parsing time \"2024-03-05x\": extra text: \"x\"")]
    [InlineData("{{ mustToDate \"2006-01-02\" \"2024/03/05\" }}", "error calling mustToDate: parsing time \"2024/03/05\" as \"2006-01-02\": cannot parse \"/03/05\" as \"-\"")]
    [InlineData("{{ now | mustDateModify \"bad\" }}", "error calling mustDateModify: time: invalid duration \"bad\"")]
    [InlineData("{{ now | mustDateModify \"1d\" }}", "error calling mustDateModify: time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("{{ now | mustDateModify \"10\" }}", "error calling mustDateModify: time: missing unit in duration \"10\"")]
    [InlineData("{{ dateModify \"1h\" \"2024-03-05\" }}", "wrong type for value; expected time.Time; got string")]
    public void Must_date_functions_report_go_parse_errors(string template, string expected)
    {
        var e = Assert.Throws<GoTemplateException>(() => Render(template));
        Assert.EndsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ now | dateModify \"1h30m\" | date \"15:04\" }}", "15:38")]
    [InlineData("{{ now | dateModify \"-48h\" | date \"2006-01-02\" }}", "2024-03-03")]
    [InlineData("{{ now | dateModify \"1.5s\" | date \"05.000\" }}", "10.623")]
    [InlineData("{{ now | dateModify \"500us\" | date \".000000\" }}", ".123956")]
    [InlineData("{{ now | dateModify \"bad\" | date \"15:04\" }}", "14:08")]
    [InlineData("{{ now | date_modify \"+1h\" | date \"15:04\" }}", "15:08")]
    public void DateModify_adds_a_go_duration_or_leaves_the_time_alone(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ ago (toDate \"2006-01-02\" \"2024-03-05\") }}", "14h8m9s")]
    [InlineData("{{ ago 1709596800 }}", "14h8m9s")]
    [InlineData("{{ ago now }}", "0s")]
    [InlineData("{{ ago (now | dateModify \"90s\") }}", "-1m30s")]
    public void Ago_is_the_time_since_rounded_to_seconds(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ duration \"95\" }}", "1m35s")]
    [InlineData("{{ duration \"0\" }}", "0s")]
    [InlineData("{{ duration \"3600\" }}", "1h0m0s")]
    [InlineData("{{ duration \"-90\" }}", "-1m30s")]
    [InlineData("{{ duration \"abc\" }}", "0s")]
    [InlineData("{{ duration .n }}", "0s")]
    [InlineData("{{ duration (int64 3723) }}", "1h2m3s")]
    public void Duration_formats_seconds_as_go_duration_string(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ durationRound \"3h\" }}", "3h")]
    [InlineData("{{ durationRound \"1h\" }}", "60m")]
    [InlineData("{{ durationRound \"9000h\" }}", "1y")]
    [InlineData("{{ durationRound \"800h\" }}", "1mo")]
    [InlineData("{{ durationRound \"48h1s\" }}", "2d")]
    [InlineData("{{ durationRound \"30s\" }}", "30s")]
    [InlineData("{{ durationRound \"1s\" }}", "0s")]
    [InlineData("{{ durationRound \"-2h5m\" }}", "2h")]
    [InlineData("{{ durationRound \"400d\" }}", "0s")]
    [InlineData("{{ durationRound (toDate \"2006-01-02\" \"2024-03-03\") }}", "2d")]
    public void DurationRound_keeps_only_the_largest_unit(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(1_500L, "1.5µs")]
    [InlineData(1_500_000L, "1.5ms")]
    [InlineData(100_000_000L, "100ms")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(3_723_000_000_000L, "1h2m3s")]
    [InlineData(7_200_000_000_000L, "2h0m0s")]
    [InlineData(-1_500_000_000L, "-1.5s")]
    [InlineData(61_000_000_001L, "1m1.000000001s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    public void Go_duration_strings_match_time_duration_string(long nanos, string expected)
        => Assert.Equal(expected, GoDuration.Format(nanos));

    [Theory]
    [InlineData("1h2m3s", 3_723_000_000_000L)]
    [InlineData("1.5h", 5_400_000_000_000L)]
    [InlineData("-300ms", -300_000_000L)]
    [InlineData("+2us", 2_000L)]
    [InlineData("2µs", 2_000L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("0", 0L)]
    public void Go_durations_parse_like_time_parse_duration(string text, long nanos)
        => Assert.Equal(nanos, GoDuration.Parse(text));

    [Fact]
    public void Without_a_fixed_clock_now_reads_the_real_clock_in_utc()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var seen = long.Parse(Engine.Render("{{ unixEpoch now }}", null), System.Globalization.CultureInfo.InvariantCulture);
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(seen, before, after);
        Assert.EndsWith("+0000 UTC", Engine.Render("{{ now }}", null), StringComparison.Ordinal);
    }
}
