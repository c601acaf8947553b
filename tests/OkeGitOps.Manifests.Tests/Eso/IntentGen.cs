using FsCheck;
using FsCheck.Fluent;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Eso;

/// <summary>FsCheck generators of valid inputs for the intent helpers, and the property every builder must keep.</summary>
internal static class IntentGen
{
    private const string Alnum = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static readonly Gen<string> Label =
        from first in Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray())
        from n in Gen.Choose(0, 12)
        from rest in Gen.ArrayOf(Gen.Elements((Alnum + "-").ToCharArray()), n)
        from last in Gen.Elements(Alnum.ToCharArray())
        select first + new string(rest) + last;

    public static readonly Gen<string> Unique =
        from chars in Gen.ArrayOf(Gen.Elements(Alnum.ToCharArray()), 20)
        select "aaaaaaaa" + new string(chars);

    public static readonly Gen<OciRegion> Region = Gen.Elements(OciRegions.All.ToArray());

    public static Gen<string> Ocid(string type, OciRegion? region = null) =>
        from u in Unique
        select $"ocid1.{type}.oc1.{region?.Key ?? ""}.{u}";

    public static readonly Gen<string> GlobalOcidCompartment = Gen.OneOf(Ocid("compartment"), Ocid("tenancy"));

    public static readonly Gen<TimeSpan> Intervals = Gen.Choose(0, 7 * 24 * 3600).Select(s => TimeSpan.FromSeconds(s));

    public static readonly Gen<string> DurationText = Gen.Elements("1h", "15m", "1h30m", "30s", "0", "2h45m10s", "500ms", "1.5h", "24h");

    public static readonly Gen<string> VaultKeyName =
        from parts in Gen.ArrayOf(Label, 1).Select(a => a[0])
        from suffix in Gen.Elements("", "-password", "_token", ".json")
        select parts + suffix;

    /// <summary>Emits, reads back, emits again and validates; true when all agree and no error is found.</summary>
    public static bool RoundTrips(IManifestModel model) => RoundTrips(model.ToNode());

    public static bool RoundTrips(ManifestNode node)
    {
        var yaml = YamlEmitter.Emit(node);
        var back = YamlReader.ReadAll(yaml).Single().Root;
        if (!node.Equals(back)) throw new InvalidOperationException("read back a different tree from:\n" + yaml);
        if (YamlEmitter.Emit(back) != yaml) throw new InvalidOperationException("not deterministic:\n" + yaml);
        var errors = IntentAssert.Validator.Validate(new ManifestDocument(node)).Where(d => d.IsError).ToList();
        if (errors.Count > 0) throw new InvalidOperationException(string.Join("\n", errors) + "\n" + yaml);
        return true;
    }
}
