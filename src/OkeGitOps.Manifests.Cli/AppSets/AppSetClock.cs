using System.Globalization;

namespace OkeGitOps.Manifests.Cli.AppSets;

/// <summary>
/// The instant Go templates see as now (<c>--now</c> of <c>appset preview</c> and <c>validate</c>, <c>appSets.now</c> in
/// the config file): an RFC 3339 time with its offset, so a preview can be repeated.
/// </summary>
internal static class AppSetClock
{
    /// <summary>What a valid value looks like, for messages.</summary>
    public const string Example = "2025-01-31T12:00:00Z";

    /// <summary>Reads an RFC 3339 time that names its offset (<c>Z</c> or <c>+01:00</c>).</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return text.Length > 6
            && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out value);
    }
}
