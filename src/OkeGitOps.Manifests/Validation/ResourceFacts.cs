using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation;

/// <summary>A reference from one resource to another, with where it was written.</summary>
/// <param name="Kind">The kind referred to.</param>
/// <param name="Name">The name referred to.</param>
/// <param name="Path">Where the reference sits in the referring document.</param>
/// <param name="Location">Where the reference was read from, when it came from text.</param>
public sealed record ResourceReference(string Kind, string Name, NodePath Path, SourceLocation? Location);

/// <summary>A label selector found in a document (e.g. an ApplicationSet cluster generator's), with where it was written.</summary>
/// <param name="MatchLabels">Labels that must all be equal.</param>
/// <param name="MatchExpressions">Expressions as (key, operator, values).</param>
/// <param name="Path">Where the selector sits.</param>
/// <param name="Location">Where it was read from.</param>
public sealed record LabelSelectorFact(
    IReadOnlyDictionary<string, string> MatchLabels,
    IReadOnlyList<(string Key, string Operator, IReadOnlyList<string> Values)> MatchExpressions,
    NodePath Path,
    SourceLocation? Location)
{
    /// <summary>True when the labels satisfy the selector, with Kubernetes' semantics for In, NotIn, Exists and DoesNotExist.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        }
        foreach (var (key, op, values) in MatchExpressions)
        {
            var has = labels.TryGetValue(key, out var actual);
            var ok = op switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }
}

/// <summary>
/// The few facts about one document that checks across documents need (identity, references, labels),
/// small enough to keep for every document of a large run after its tree is gone.
/// </summary>
public sealed record ResourceFacts(
    string File,
    int DocumentIndex,
    string ApiVersion,
    string Kind,
    string Name,
    string? Namespace,
    SourceLocation? Location,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<ResourceReference> References,
    IReadOnlyList<LabelSelectorFact> ClusterSelectors)
{
    /// <summary>The API group: the part of <see cref="ApiVersion"/> before the slash, empty for core.</summary>
    public string Group => ApiVersion.Contains('/') ? ApiVersion[..ApiVersion.IndexOf('/')] : "";

    /// <summary>
    /// For an ExternalSecret, the labels of the Secret it makes (<c>spec.target.template.metadata.labels</c>);
    /// otherwise <c>null</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? TargetSecretLabels { get; init; }

    /// <summary>
    /// The labels of the Argo CD cluster secret this document is or makes: a Secret labelled
    /// <c>argocd.argoproj.io/secret-type: cluster</c>, or an ExternalSecret whose target template carries that label.
    /// <c>null</c> when it is neither.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ClusterSecretLabels
        => Kind == "Secret" && Group.Length == 0 && IsClusterSecretLabelled(Labels) ? Labels
            : TargetSecretLabels is { } target && IsClusterSecretLabelled(target) ? target
            : null;

    /// <summary>True for an Argo CD cluster secret, written as a Secret or made by an ExternalSecret (see <see cref="ClusterSecretLabels"/>).</summary>
    public bool IsArgoClusterSecret => ClusterSecretLabels is not null;

    private static bool IsClusterSecretLabelled(IReadOnlyDictionary<string, string> labels)
        => labels.TryGetValue("argocd.argoproj.io/secret-type", out var t) && t == "cluster";

    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    /// <summary>Extracts the facts from a document; returns null for documents without apiVersion, kind and name.</summary>
    public static ResourceFacts? From(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Root is not MappingNode root || document.ApiVersion is not { } apiVersion || document.Kind is not { } kind) return null;
        var metadata = root.GetValueOrDefault("metadata") as MappingNode;
        var name = metadata?.GetString("name");
        if (name is null) return null;
        var labels = ReadLabels(metadata!);
        var references = new List<ResourceReference>();
        var selectors = new List<LabelSelectorFact>();
        var spec = root.GetValueOrDefault("spec") as MappingNode;
        var specPath = NodePath.Root.Key("spec");
        var group = apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
        if (spec is not null && group == "argoproj.io" && kind == "Application" && spec.GetValueOrDefault("project") is StringNode project)
        {
            references.Add(new ResourceReference("AppProject", project.Value, specPath.Key("project"), project.Location));
        }
        if (spec is not null && group == "external-secrets.io" && kind == "ExternalSecret" && spec.GetValueOrDefault("secretStoreRef") is MappingNode storeRef
            && storeRef.GetValueOrDefault("name") is StringNode storeName)
        {
            var storeKind = storeRef.GetString("kind") ?? "SecretStore";
            references.Add(new ResourceReference(storeKind, storeName.Value, specPath.Key("secretStoreRef").Key("name"), storeName.Location));
        }
        if (spec is not null && group == "networking.k8s.io" && kind == "IngressClass" && spec.GetValueOrDefault("parameters") is MappingNode parameters
            && parameters.GetString("apiGroup") == "ingress.oraclecloud.com" && parameters.GetString("kind") == "IngressClassParameters"
            && parameters.GetValueOrDefault("name") is StringNode parametersName && parameters.GetString("namespace") is { Length: > 0 } parametersNamespace)
        {
            // The OCI native ingress controller looks the parameters up by namespace and name (see OciIngressLint).
            references.Add(new ResourceReference("IngressClassParameters", $"{parametersNamespace}/{parametersName.Value}",
                specPath.Key("parameters").Key("name"), parametersName.Location));
        }
        if (spec is not null && group == "argoproj.io" && kind == "ApplicationSet" && spec.GetValueOrDefault("generators") is SequenceNode generators)
        {
            CollectClusterSelectors(generators, specPath.Key("generators"), selectors);
        }
        Dictionary<string, string>? targetLabels = null;
        if (spec is not null && group == "external-secrets.io" && kind == "ExternalSecret"
            && spec.GetValueOrDefault("target") is MappingNode target && target.GetValueOrDefault("template") is MappingNode template
            && template.GetValueOrDefault("metadata") is MappingNode templateMetadata)
        {
            targetLabels = ReadLabels(templateMetadata);
        }
        var location = (metadata!.GetValueOrDefault("name") ?? root).Location;
        // Facts are kept for every document of a run: share the empty collections.
        return new ResourceFacts(document.File ?? "-", document.Index, apiVersion, kind, name, metadata.GetString("namespace"), location,
            labels.Count == 0 ? NoLabels : labels,
            references.Count == 0 ? [] : references.ToArray(),
            selectors.Count == 0 ? [] : selectors.ToArray())
        {
            TargetSecretLabels = targetLabels is { Count: > 0 } ? targetLabels : null,
        };
    }

    private static Dictionary<string, string> ReadLabels(MappingNode metadata)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata.GetValueOrDefault("labels") is MappingNode labelMap)
        {
            foreach (var entry in labelMap)
            {
                if (entry.Value is StringNode s) labels[entry.Key] = s.Value;
            }
        }
        return labels;
    }

    private static void CollectClusterSelectors(SequenceNode generators, NodePath path, List<LabelSelectorFact> into)
    {
        for (var i = 0; i < generators.Count; i++)
        {
            if (generators[i] is not MappingNode generator) continue;
            var at = path.Index(i);
            if (generator.GetValueOrDefault("clusters") is MappingNode clusters && clusters.GetValueOrDefault("selector") is MappingNode selector)
            {
                into.Add(ReadSelector(selector, at.Key("clusters").Key("selector")));
            }
            foreach (var combining in new[] { "matrix", "merge" })
            {
                if (generator.GetValueOrDefault(combining) is MappingNode inner && inner.GetValueOrDefault("generators") is SequenceNode nested)
                {
                    CollectClusterSelectors(nested, at.Key(combining).Key("generators"), into);
                }
            }
        }
    }

    private static LabelSelectorFact ReadSelector(MappingNode selector, NodePath path)
    {
        var matchLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (selector.GetValueOrDefault("matchLabels") is MappingNode labels)
        {
            foreach (var entry in labels)
            {
                if (entry.Value is ScalarNode s) matchLabels[entry.Key] = s.Text;
            }
        }
        var expressions = new List<(string, string, IReadOnlyList<string>)>();
        if (selector.GetValueOrDefault("matchExpressions") is SequenceNode list)
        {
            foreach (var item in list.OfType<MappingNode>())
            {
                var values = item.GetValueOrDefault("values") is SequenceNode v ? v.OfType<ScalarNode>().Select(s => s.Text).ToList() : [];
                expressions.Add((item.GetString("key") ?? "", item.GetString("operator") ?? "", values));
            }
        }
        return new LabelSelectorFact(matchLabels, expressions, path, selector.Location);
    }
}
