namespace OkeGitOps.Manifests.Intent.Eso;

/// <summary>
/// An Oracle Cloud ID taken apart: <c>ocid1.&lt;type&gt;.&lt;realm&gt;.[region][.future].&lt;unique&gt;</c>.
/// </summary>
/// <param name="ResourceType">The resource type, e.g. <c>vault</c>, <c>tenancy</c>, <c>cluster</c>.</param>
/// <param name="Realm">The realm, e.g. <c>oc1</c>.</param>
/// <param name="Region">The region segment (a key such as <c>iad</c>, or empty for global resources).</param>
/// <param name="Unique">The unique part.</param>
public sealed record Ocid(string ResourceType, string Realm, string Region, string Unique)
{
    /// <summary>Parses an OCID, or explains why the text is not one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="ocid">The parts, when well-formed.</param>
    /// <param name="problem">Why the text is not an OCID, when it is not.</param>
    public static bool TryParse(string? text, out Ocid ocid, out string problem)
    {
        ocid = null!;
        problem = "";
        if (string.IsNullOrEmpty(text)) { problem = "it is empty"; return false; }
        var parts = text.Split('.');
        if (parts[0] != "ocid1") { problem = "an OCID starts with 'ocid1.'"; return false; }
        if (parts.Length is < 5 or > 6) { problem = "an OCID has the form ocid1.<type>.<realm>.<region>.<unique id> (region empty for global resources)"; return false; }
        if (!IsLowerAlnum(parts[1], allowDash: false)) { problem = $"the resource type '{parts[1]}' may hold only lowercase letters and digits"; return false; }
        if (parts[2].Length < 3 || !parts[2].StartsWith("oc", StringComparison.Ordinal) || !parts[2][2..].All(char.IsAsciiDigit))
        { problem = $"the realm '{parts[2]}' is not of the form oc<number>"; return false; }
        if (parts[3].Length > 0 && !IsLowerAlnum(parts[3], allowDash: true)) { problem = $"the region segment '{parts[3]}' may hold only lowercase letters, digits and '-'"; return false; }
        if (parts.Length == 6 && parts[4].Length > 0 && !IsLowerAlnum(parts[4], allowDash: false)) { problem = $"the segment '{parts[4]}' may hold only lowercase letters and digits"; return false; }
        var unique = parts[^1];
        if (unique.Length == 0) { problem = "the unique part at the end is empty"; return false; }
        if (!IsLowerAlnum(unique, allowDash: false)) { problem = $"the unique part '{unique}' may hold only lowercase letters and digits (copy the whole OCID, not a shortened one)"; return false; }
        // Real unique parts are 60 characters; the load-balancer checks (OciOcid) draw the same line at 10.
        if (unique.Length < MinUniqueLength) { problem = $"the unique part '{unique}' is too short for an OCID ({unique.Length} characters; real ones have about 60): copy the whole OCID"; return false; }
        ocid = new Ocid(parts[1], parts[2], parts[3], unique);
        return true;
    }

    /// <summary>The shortest unique part accepted.</summary>
    internal const int MinUniqueLength = 10;

    private static bool IsLowerAlnum(string s, bool allowDash)
        => s.Length > 0 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (allowDash && c == '-'));

    /// <summary>Checks that <paramref name="value"/> is a well-formed OCID of one of <paramref name="types"/>.</summary>
    internal static Ocid Require(string? value, string path, string what, params string[] types)
    {
        var example = $"ocid1.{types[0]}.oc1.{(types[0] is "tenancy" or "user" or "compartment" ? "" : "<region-key>")}.<unique id>";
        if (!TryParse(value, out var ocid, out var problem))
            throw IntentRules.Fail(IntentRules.Ocid, $"'{value}' is not a well-formed {what} OCID: {problem}", path,
                $"copy the full OCID from the OCI console or CLI; it looks like {example}");
        if (!types.Contains(ocid.ResourceType, StringComparer.Ordinal))
            throw IntentRules.Fail(IntentRules.Ocid,
                $"'{value}' is the OCID of a {ocid.ResourceType}, not of a {string.Join(" or ", types)}", path,
                $"pass the {what} OCID ({example})");
        return ocid;
    }
}
