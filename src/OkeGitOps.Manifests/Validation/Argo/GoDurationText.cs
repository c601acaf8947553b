using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Validation.Argo;

/// <summary>The text form of a Go <c>time.Duration</c> as <c>time.ParseDuration</c> reads it (not negative here).</summary>
internal static partial class GoDurationText
{
    /// <summary>True for <c>0</c> and for one or more number-unit pairs such as <c>1h30m</c> or <c>1.5s</c>.</summary>
    public static bool IsValid(string text) => text == "0" || Pattern().IsMatch(text);

    [GeneratedRegex(@"^\+?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
