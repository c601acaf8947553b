using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Eso;

/// <summary>Shared checks for the intent-helper tests: emit, validate, read back, and failures as text.</summary>
internal static class IntentAssert
{
    public static readonly ManifestValidator Validator = new(SchemaRegistry.Default);

    public const string VaultOcid = "ocid1.vault.oc1.iad.amaaaaaavaultaaaa";
    public const string FraVaultOcid = "ocid1.vault.oc1.fra.amaaaaaavaultbbbb";
    public const string ClusterOcid = "ocid1.cluster.oc1.iad.aaaaaaaaclusteraaaa";
    public const string CompartmentOcid = "ocid1.compartment.oc1..aaaaaaaacompartmentaaaa";
    public const string TenancyOcid = "ocid1.tenancy.oc1..aaaaaaaatenancyaaaa";
    public const string UserOcid = "ocid1.user.oc1..aaaaaaaauseraaaa";
    public const string KeyOcid = "ocid1.key.oc1.iad.bbpt3bb5aaeuk.abuwcljrkeyaaaa";

    /// <summary>Emits the model, checks it validates without errors and reads back to the same tree; returns the YAML.</summary>
    public static string Emitted(IManifestModel model) => Emitted(model.ToNode());

    public static string Emitted(ManifestNode node)
    {
        var errors = Validator.Validate(new ManifestDocument(node)).Where(d => d.IsError).ToList();
        var yaml = YamlEmitter.Emit(node);
        Assert.True(errors.Count == 0, "validation errors:\n" + string.Join("\n", errors) + "\n" + yaml);
        var back = YamlReader.ReadAll(yaml).Single().Root;
        Assert.True(node.Equals(back), "read back a different tree from:\n" + yaml);
        Assert.Equal(yaml, YamlEmitter.Emit(node));
        return yaml;
    }

    /// <summary>Runs <paramref name="action"/>, expects a ManifestValidationException with one diagnostic, and returns it as <c>rule | text</c>.</summary>
    public static string Fails(Action action)
    {
        var e = Assert.Throws<ManifestValidationException>(action);
        var d = Assert.Single(e.Diagnostics);
        return $"{d.Rule} | {d}";
    }

    public static string Fails<T>(Func<T> func) => Fails(() => { _ = func(); });
}
