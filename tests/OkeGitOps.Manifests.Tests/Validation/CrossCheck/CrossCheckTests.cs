using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NJsonSchema;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using Xunit.Abstractions;

namespace OkeGitOps.Manifests.Tests.Validation.CrossCheck;

/// <summary>
/// Holds our validator, running on our schemas (the ones embedded in the library), to NJsonSchema's verdicts on the ORIGINAL upstream schemas
/// (converted to strict JSON Schema), over generated documents: valid instances and single mutations (wrong type,
/// unknown field, missing required field, value outside an enum, pattern break). For every document both must
/// agree on valid/invalid, and for a mutated one ours must report the mutation at its path with the matching rule.
/// Only our structural rules take part in the verdict: the API server's own metadata, Service and data rules and
/// the map-list uniqueness check have no JSON Schema counterpart.
/// </summary>
public abstract class CrossCheckTests(ITestOutputHelper output)
{
    private const int DocumentsPerKind = 500;

    private static readonly HashSet<string> Compared =
    [
        ValidationRules.Type, ValidationRules.NullNotAllowed, ValidationRules.UnknownField, ValidationRules.Required,
        ValidationRules.Enum, ValidationRules.Pattern, ValidationRules.Format, ValidationRules.Minimum, ValidationRules.Maximum,
        ValidationRules.MultipleOf, ValidationRules.MinLength, ValidationRules.MaxLength, ValidationRules.MinItems,
        ValidationRules.MaxItems, ValidationRules.MinProperties, ValidationRules.MaxProperties, ValidationRules.DuplicateSetItem,
        ValidationRules.AnyOf, ValidationRules.OneOf, ValidationRules.Not,
    ];

    /// <summary>NJsonSchema is slow to load big schemas: each original is loaded once per test run.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Oracles = new();

    // The documents are generated from our schema (it carries the x-kubernetes-* hints the generator needs) and
    // judged by NJsonSchema on the original upstream one.

    private static readonly Dictionary<Mutation, string[]> RulesFor = new()
    {
        [Mutation.WrongType] = [ValidationRules.Type],
        [Mutation.UnknownField] = [ValidationRules.UnknownField],
        [Mutation.MissingRequired] = [ValidationRules.Required],
        [Mutation.BadEnum] = [ValidationRules.Enum],
        [Mutation.PatternBreak] = [ValidationRules.Pattern, ValidationRules.MinLength, ValidationRules.MaxLength],
    };

    protected void CrossCheckCrd(string crdFile) => Run(() => UpstreamSchemas.CrdStorage(crdFile));

    protected void CrossCheckCore(string kind) => Run(() => UpstreamSchemas.Core(kind));

    /// <summary>A built-in kind of the newest Kubernetes version, with fewer documents: there are about a hundred kinds.</summary>
    protected void CrossCheckKubernetes(string apiVersion, string kind)
        => Run(() =>
        {
            var index = SchemaRegistry.Default.KubernetesVersions;
            var scope = SchemaRegistry.Default.Find(apiVersion, kind)!.Scope;
            return UpstreamSchemas.Kubernetes(index[^1], apiVersion, kind, scope);
        }, DocumentsPerBuiltInKind);

    private const int DocumentsPerBuiltInKind = 60;

    /// <summary>FNV-1a of the kind's name: a seed that is the same in every process (string hashes are not).</summary>
    private static ulong StableSeed(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    private void Run(Func<UpstreamKind> load, int documentsPerKind = DocumentsPerKind)
    {
        Skip.If(UpstreamSchemas.Dir is null, UpstreamSchemas.NoUpstreamReason);
        var clock = Stopwatch.StartNew();
        var kind = load();
        var oracle = Oracles.GetOrAdd(kind.ApiVersion + "/" + kind.Kind,
            _ => new Lazy<JsonSchema>(() => JsonSchema.FromJsonAsync(UpstreamSchemas.ToStrictJsonSchema(kind.Original)).GetAwaiter().GetResult())).Value;
        var loaded = clock.Elapsed;
        var ours = SchemaRegistry.Default.Find(kind.ApiVersion, kind.Kind)?.OpenApiV3Schema
            ?? throw new InvalidOperationException($"no embedded schema for {kind.ApiVersion} {kind.Kind}");
        // The oracle knows only the schema; the API server's cross-field rules have their own tests (Validation/Kubernetes).
        var validator = new ManifestValidator(SchemaRegistry.Default, new ValidatorOptions { ApiServerRules = false });
        var generator = new DocumentGenerator(JsonNode.Parse(ours.GetRawText())!.AsObject(), kind.ApiVersion, kind.Kind, kind.Scope);

        var counts = new ConcurrentDictionary<string, int>();
        var documents = Arb.From(Gen.Choose(0, int.MaxValue).Select(generator.Generate));
        var property = Prop.ForAll(documents, document =>
        {
            // The API server's own rules for built-in kinds reuse the required rule with a reason; only the schema's bare
            // missing required field "x" has a JSON Schema counterpart.
            var ours = validator.Validate(new ManifestDocument(document.Root))
                .Where(d => d.IsError && Compared.Contains(d.Rule) && !(d.Rule == ValidationRules.Required && !(d.Message.StartsWith("missing required field \"", StringComparison.Ordinal) && d.Message.EndsWith('"')))).ToList();
            var theirs = oracle.Validate(TreeJson.ToJson(document.Root));
            var verdict = ours.Count == 0 ? "valid" : "invalid";
            counts.AddOrUpdate($"{document.Mutation}, {verdict}", 1, (_, n) => n + 1);
            if ((ours.Count == 0) != (theirs.Count == 0))
            {
                throw new InvalidOperationException(
                    $"verdicts differ for {document}\nours:\n{string.Join("\n", ours)}\nNJsonSchema:\n{string.Join("\n", theirs.Select(e => $"{e.Path}: {e.Kind}"))}");
            }
            if (document.Mutation != Mutation.None
                && !ours.Any(d => Equals(d.Path, document.Site) && RulesFor[document.Mutation].Contains(d.Rule)))
            {
                throw new InvalidOperationException($"the mutation is not reported at its path for {document}\nours:\n{string.Join("\n", ours)}");
            }
            return true;
        });
        // A fixed seed per kind: the same documents on every run, so a failure here is a real disagreement, never luck.
        var replay = new Replay(new Rnd(StableSeed(kind.ApiVersion + "/" + kind.Kind), 0x9E3779B97F4A7C15UL), FSharpOption<int>.None);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(documentsPerKind).WithQuietOnSuccess(true).WithReplay(FSharpOption<Replay>.Some(replay)), property);

        output.WriteLine($"{kind.ApiVersion} {kind.Kind}: oracle loaded in {loaded.TotalMilliseconds:F0} ms, {documentsPerKind} documents checked in {(clock.Elapsed - loaded).TotalMilliseconds:F0} ms");
        foreach (var (key, n) in counts.OrderBy(c => c.Key, StringComparer.Ordinal)) output.WriteLine($"  {key}: {n}");
        Assert.True(counts.Where(c => c.Key.EndsWith("valid", StringComparison.Ordinal) && !c.Key.EndsWith("invalid", StringComparison.Ordinal)).Sum(c => c.Value) >= documentsPerKind / 10,
            "too few generated documents were valid to exercise the accepting side");
        Assert.True(counts.Where(c => c.Key.EndsWith("invalid", StringComparison.Ordinal)).Sum(c => c.Value) >= documentsPerKind / 3,
            "too few generated documents were invalid to exercise the rejecting side");
    }
}

[Trait("Category", "CrossCheck")]
public class ArgoCrossCheckTests(ITestOutputHelper output) : CrossCheckTests(output)
{
    [SkippableFact]
    public void Application_agrees_with_NJsonSchema() => CrossCheckCrd("crds/argo-cd/application-crd.yaml");

    [SkippableFact]
    public void ApplicationSet_agrees_with_NJsonSchema() => CrossCheckCrd("crds/argo-cd/applicationset-crd.yaml");

    [SkippableFact]
    public void AppProject_agrees_with_NJsonSchema() => CrossCheckCrd("crds/argo-cd/appproject-crd.yaml");
}

[Trait("Category", "CrossCheck")]
public class EsoCrossCheckTests(ITestOutputHelper output) : CrossCheckTests(output)
{
    [SkippableFact]
    public void ExternalSecret_agrees_with_NJsonSchema() => CrossCheckCrd("crds/external-secrets/external-secrets.io_externalsecrets.yaml");

    [SkippableFact]
    public void SecretStore_agrees_with_NJsonSchema() => CrossCheckCrd("crds/external-secrets/external-secrets.io_secretstores.yaml");

    [SkippableFact]
    public void ClusterSecretStore_agrees_with_NJsonSchema() => CrossCheckCrd("crds/external-secrets/external-secrets.io_clustersecretstores.yaml");

    [SkippableFact]
    public void ClusterExternalSecret_agrees_with_NJsonSchema() => CrossCheckCrd("crds/external-secrets/external-secrets.io_clusterexternalsecrets.yaml");

    [SkippableFact]
    public void PushSecret_agrees_with_NJsonSchema() => CrossCheckCrd("crds/external-secrets/external-secrets.io_pushsecrets.yaml");
}

[Trait("Category", "CrossCheck")]
public class CoreCrossCheckTests(ITestOutputHelper output) : CrossCheckTests(output)
{
    [SkippableTheory]
    [InlineData("Service")]
    [InlineData("Namespace")]
    [InlineData("ServiceAccount")]
    [InlineData("Secret")]
    [InlineData("ConfigMap")]
    public void Core_kind_agrees_with_NJsonSchema(string kind) => CrossCheckCore(kind);
}

/// <summary>Every kind Kubernetes 1.35 serves, against NJsonSchema on the kind in its own upstream OpenAPI document.</summary>
[Trait("Category", "CrossCheck")]
public class KubernetesCrossCheckTests(ITestOutputHelper output) : CrossCheckTests(output)
{
    public static TheoryData<string, string> NewestKinds()
    {
        var data = new TheoryData<string, string>();
        var index = SchemaRegistry.Default.Kubernetes!;
        foreach (var (apiVersion, kind) in SchemaRegistry.Default.Kinds)
        {
            if (index.Status(index.Newest, apiVersion, kind).State is KubernetesApiState.Served or KubernetesApiState.Deprecated)
                data.Add(apiVersion, kind);
        }
        return data;
    }

    [Fact]
    public void Every_kind_of_the_newest_version_is_cross_checked()
        => Assert.True(NewestKinds().Count() >= 90, $"only {NewestKinds().Count()} kinds");

    [SkippableTheory]
    [MemberData(nameof(NewestKinds))]
    public void Builtin_kind_agrees_with_NJsonSchema(string apiVersion, string kind) => CrossCheckKubernetes(apiVersion, kind);
}
