using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Checks Oracle Cloud IDs: <c>ocid1.&lt;resource type&gt;.&lt;realm&gt;.[region][.future use].&lt;unique id&gt;</c>,
/// e.g. <c>ocid1.subnet.oc1.iad.aaaa…</c> or <c>ocid1.compartment.oc1..aaaa…</c> (no region for global resources).
/// </summary>
public static partial class OciOcid
{
    /// <summary>The resource type of a subnet OCID.</summary>
    public const string Subnet = "subnet";

    /// <summary>The resource type of a network security group OCID.</summary>
    public const string NetworkSecurityGroup = "networksecuritygroup";

    /// <summary>The resource type of a compartment OCID.</summary>
    public const string Compartment = "compartment";

    /// <summary>The resource type of a tenancy OCID (the root compartment).</summary>
    public const string Tenancy = "tenancy";

    [GeneratedRegex(@"^ocid1\.(?<type>[a-z][a-z0-9]*)\.(?<realm>oc[0-9]+)\.(?<region>[a-z0-9-]*)(\.[a-z0-9-]*)?\.(?<unique>[a-z0-9]{10,})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>True when <paramref name="value"/> has the OCID shape, whatever its resource type.</summary>
    public static bool IsWellFormed(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Shape().IsMatch(value);
    }

    /// <summary>The resource type of a well-formed OCID (<c>subnet</c> for <c>ocid1.subnet.…</c>), or <c>null</c>.</summary>
    public static string? ResourceType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var m = Shape().Match(value);
        return m.Success ? m.Groups["type"].Value : null;
    }

    /// <summary>
    /// What is wrong with <paramref name="value"/> as an OCID of one of <paramref name="types"/>, or <c>null</c> when it is fine.
    /// </summary>
    public static string? Problem(string value, params string[] types)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(types);
        var expected = types.Length == 0 ? "an" : $"a {string.Join(" or ", types)}";
        var type = ResourceType(value);
        if (type is null)
            return $"\"{value}\" is not a well-formed OCID: expected {expected} OCID such as ocid1.{(types.Length > 0 ? types[0] : "<type>")}.oc1.<region>.<unique id>";
        if (types.Length > 0 && Array.IndexOf(types, type) < 0)
            return $"\"{value}\" is a {type} OCID, but {expected} OCID belongs here";
        return null;
    }
}
