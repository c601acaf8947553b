namespace OkeGitOps.Manifests.Tests.Yaml;

/// <summary>Strings that YAML parsers, or people, tend to misread when they are written without quotes.</summary>
internal static class ClassicYamlValues
{
    /// <summary>Plain text that a YAML 1.1 or 1.2 parser resolves to a bool, null, number, timestamp or merge/value key.</summary>
    public static readonly string[] TypeLookalikes =
    [
        "y", "n", "yes", "no", "on", "off", "true", "false", "True", "FALSE", "Yes", "NO", "ON", "Off",
        "null", "Null", "NULL", "~", "",
        "0755", "0o17", "0x1F", "0b101", "1_000", "+1", "-1", "1e3", "1.5", ".5", ".inf", "-.Inf", ".NaN",
        "12:30", "1:20:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "<<", "=",
    ];

    /// <summary>Text that starts with, ends with or holds characters that YAML syntax gives a meaning to.</summary>
    public static readonly string[] IndicatorsAndWhitespace =
    [
        " lead", "trail ", " both ", ":", "#", "- ", "-", "\"", "'", "@", "`", "%", "&x", "*x", "!x", "|", ">",
        "{", "[", "? ", "a: b", "a #b", "---", "...", ",", "]", "}", "x:",
    ];

    /// <summary>Non-ASCII text, line breaks and tabs.</summary>
    public static readonly string[] UnicodeAndControl =
    [
        "é", "日本", "😀", "a\rb", "a\nb", "a\r\nb", "\n", "a\tb", "trail\t", "\t", "x\u0085y", "a\u2028b",
        "\u00a0x", "\uFEFFx", "\u0001", "a\nb\n", "a\nb\n\n", "\nx", "  x\ny", "x \ny", "x\n\ty\n",
    ];

    public static IEnumerable<string> All => TypeLookalikes.Concat(IndicatorsAndWhitespace).Concat(UnicodeAndControl);
}
