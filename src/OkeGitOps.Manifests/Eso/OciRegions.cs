using System.Collections.Frozen;

namespace OkeGitOps.Manifests.Intent.Eso;

/// <summary>One OCI region: its identifier (<c>us-ashburn-1</c>) and its three-letter key (<c>iad</c>).</summary>
/// <param name="Id">The region identifier used in API endpoints, the CLI and ESO's <c>region</c> field.</param>
/// <param name="Key">The short key used in OCIDs and in the OCIR host name <c>&lt;key&gt;.ocir.io</c>.</param>
/// <param name="Name">The city or area the region serves, for messages.</param>
public sealed record OciRegion(string Id, string Key, string Name)
{
    /// <summary>The OCI Container Registry host of this region, e.g. <c>iad.ocir.io</c>.</summary>
    public string OcirHost => Key + ".ocir.io";

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>
/// The commercial OCI regions (realm <c>oc1</c>) with their keys. Government, sovereign and dedicated realms are
/// not listed; a store or registry in one of them is refused with a diagnostic, and the model can still be edited
/// directly.
/// </summary>
public static class OciRegions
{
    /// <summary>Every listed region, sorted by identifier.</summary>
    public static IReadOnlyList<OciRegion> All { get; } = new OciRegion[]
    {
        new("af-johannesburg-1", "jnb", "Johannesburg"),
        new("ap-batam-1", "hsg", "Batam"),
        new("ap-chuncheon-1", "yny", "Chuncheon"),
        new("ap-hyderabad-1", "hyd", "Hyderabad"),
        new("ap-melbourne-1", "mel", "Melbourne"),
        new("ap-mumbai-1", "bom", "Mumbai"),
        new("ap-osaka-1", "kix", "Osaka"),
        new("ap-seoul-1", "icn", "Seoul"),
        new("ap-singapore-1", "sin", "Singapore"),
        new("ap-singapore-2", "xsp", "Singapore West"),
        new("ap-sydney-1", "syd", "Sydney"),
        new("ap-tokyo-1", "nrt", "Tokyo"),
        new("ca-montreal-1", "yul", "Montreal"),
        new("ca-toronto-1", "yyz", "Toronto"),
        new("eu-amsterdam-1", "ams", "Amsterdam"),
        new("eu-frankfurt-1", "fra", "Frankfurt"),
        new("eu-jovanovac-1", "beg", "Jovanovac"),
        new("eu-madrid-1", "mad", "Madrid"),
        new("eu-marseille-1", "mrs", "Marseille"),
        new("eu-milan-1", "lin", "Milan"),
        new("eu-paris-1", "cdg", "Paris"),
        new("eu-stockholm-1", "arn", "Stockholm"),
        new("eu-zurich-1", "zrh", "Zurich"),
        new("il-jerusalem-1", "mtz", "Jerusalem"),
        new("me-abudhabi-1", "auh", "Abu Dhabi"),
        new("me-dubai-1", "dxb", "Dubai"),
        new("me-jeddah-1", "jed", "Jeddah"),
        new("me-riyadh-1", "ruh", "Riyadh"),
        new("mx-monterrey-1", "mty", "Monterrey"),
        new("mx-queretaro-1", "qro", "Queretaro"),
        new("sa-bogota-1", "bog", "Bogota"),
        new("sa-santiago-1", "scl", "Santiago"),
        new("sa-saopaulo-1", "gru", "Sao Paulo"),
        new("sa-valparaiso-1", "vap", "Valparaiso"),
        new("sa-vinhedo-1", "vcp", "Vinhedo"),
        new("uk-cardiff-1", "cwl", "Cardiff"),
        new("uk-london-1", "lhr", "London"),
        new("us-ashburn-1", "iad", "Ashburn"),
        new("us-chicago-1", "ord", "Chicago"),
        new("us-phoenix-1", "phx", "Phoenix"),
        new("us-sanjose-1", "sjc", "San Jose"),
    };

    private static readonly FrozenDictionary<string, OciRegion> ById = All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, OciRegion> ByKey = All.ToFrozenDictionary(r => r.Key, StringComparer.Ordinal);

    /// <summary>Finds a region by identifier (<c>eu-frankfurt-1</c>) or key (<c>fra</c>); exact, lowercase.</summary>
    public static bool TryFind(string? idOrKey, out OciRegion region)
    {
        region = null!;
        if (idOrKey is null) return false;
        return ById.TryGetValue(idOrKey, out region!) || ByKey.TryGetValue(idOrKey, out region!);
    }

    /// <summary>The region with this identifier or key.</summary>
    /// <exception cref="Diagnostics.ManifestValidationException">The region is not listed (rule <c>oci-region</c>).</exception>
    public static OciRegion Get(string idOrKey) => Require(idOrKey, null);

    internal static OciRegion Require(string? idOrKey, string? path)
    {
        if (TryFind(idOrKey, out var region)) return region;
        var text = idOrKey ?? "";
        var near = Validation.NearMatch.Find(text.Trim().ToLowerInvariant(), All.Select(r => r.Id));
        if (near is null && TryFind(text.Trim().ToLowerInvariant(), out var folded)) near = folded.Id;
        throw IntentRules.Fail(IntentRules.Region,
            $"'{text}' is not a known OCI region identifier",
            path,
            near is not null ? $"did you mean '{near}'?" : "use a region identifier such as 'us-ashburn-1' or 'eu-frankfurt-1' (see OciRegions.All)");
    }
}
