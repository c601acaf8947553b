using OkeGitOps.Manifests.AppSets.GoTemplate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>The parameter sets one generator produced, and the template they are rendered with.</summary>
internal sealed record TransformResult(List<Dictionary<string, object?>> Params, MappingNode Template);

/// <summary>
/// Runs generators the way Argo CD's <c>Transform</c> does: find the generator kinds set in a generator entry, merge
/// the generator's own template over the ApplicationSet's, interpolate parameters from an outer generator (matrix),
/// generate, then apply the entry's post-selector. One partial file per generator kind.
/// </summary>
internal sealed partial class GeneratorRunner
{
    /// <summary>Generator kinds in the order Argo CD looks for them.</summary>
    private static readonly string[] Kinds = ["list", "clusters", "git", "scmProvider", "clusterDecisionResource", "pullRequest", "matrix", "merge", "plugin"];

    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal) { "scmProvider", "clusterDecisionResource", "pullRequest", "plugin" };

    private readonly AppSetInput _input;
    private readonly TemplateRenderer _renderer;
    private readonly List<Diagnostic> _warnings;
    private readonly IReadOnlyList<ClusterSecret> _clusters;

    /// <param name="input">The expander's input.</param>
    /// <param name="renderer">Renders templates with the ApplicationSet's engine.</param>
    /// <param name="warnings">Receives the warnings generators raise.</param>
    /// <param name="clusters">The clusters already read from <paramref name="input"/>'s Secrets, or null to read them.</param>
    /// <param name="argoCdNamespace">Argo CD's namespace: cluster Secrets that name another namespace are not read.</param>
    public GeneratorRunner(AppSetInput input, TemplateRenderer renderer, List<Diagnostic> warnings, IReadOnlyList<ClusterSecret>? clusters = null,
        string argoCdNamespace = AppSetInput.DefaultArgoCdNamespace)
    {
        _input = input;
        _renderer = renderer;
        _warnings = warnings;
        _clusters = (clusters ?? ClusterSecret.ReadAll(input.ClusterSecrets)).Where(c => c.VisibleFrom(argoCdNamespace)).ToList();
    }

    private bool UseGo => _renderer.UseGoTemplate;

    private AppSetLimits Limits => _input.Limits;

    /// <summary>
    /// All clusters Argo CD's cluster database knows, which destinations are checked against: the Secrets, plus the
    /// in-cluster entry when no Secret stands for it (servers compared without trailing slashes, as the database does).
    /// </summary>
    public IReadOnlyList<ClusterSecret> KnownClusters
    {
        get
        {
            var list = new List<ClusterSecret>();
            var hasInClusterSecret = false;
            foreach (var c in _clusters)
            {
                if (c.TrimmedServer == ClusterSecret.InClusterServer)
                {
                    if (!_input.InClusterEnabled) continue;
                    hasInClusterSecret = true;
                }
                list.Add(c);
            }
            if (_input.InClusterEnabled && !hasInClusterSecret) list.Add(ClusterSecret.Local);
            return list;
        }
    }

    internal static AppSetException Error(string message, NodePath path, ManifestNode? at, string rule = AppSetRules.GeneratorError, string? suggestion = null)
        => new(Diagnostic.Error(rule, message, path, at?.Location, suggestion));

    /// <summary>Argo CD's Transform for one generator entry.</summary>
    public List<TransformResult> Transform(MappingNode generator, NodePath path, MappingNode baseTemplate, Dictionary<string, object?>? outerParams, int depth)
    {
        var results = new List<TransformResult>();
        var selector = LabelSelector.Read(generator.GetValueOrDefault("selector"), path.Key("selector"));
        foreach (var kind in Kinds)
        {
            if (generator.GetValueOrDefault(kind) is not MappingNode spec) continue;
            var kindPath = path.Key(kind);
            var template = MergeTemplate(spec.GetValueOrDefault("template") as MappingNode, baseTemplate);
            if (outerParams is { Count: > 0 })
                spec = (MappingNode)InterpolateGenerator(spec, outerParams, kindPath);
            var parameters = kind switch
            {
                "list" => ListParams(spec, kindPath),
                "clusters" => ClusterParams(spec, kindPath),
                "git" => GitParams(spec, kindPath),
                "matrix" => MatrixParams(spec, kindPath, depth),
                "merge" => MergeParams(spec, kindPath, depth),
                _ => SuppliedParams(kind, kindPath, spec),
            };
            CheckCount(parameters.Count, kindPath, spec);
            var kept = new List<Dictionary<string, object?>>(parameters.Count);
            foreach (var p in parameters)
            {
                if (selector.IsEmpty || selector.Matches(ParamSets.FlattenToStrings(p))) kept.Add(p);
            }
            if (!selector.IsEmpty && parameters.Count > 0 && kept.Count == 0)
            {
                _warnings.Add(Diagnostic.Warning(AppSetRules.SelectorMatchesNothing,
                    $"the post-selector filters out all {parameters.Count} parameter sets of the {kind} generator, so it generates no Application",
                    path.Key("selector"), generator.GetValueOrDefault("selector")?.Location,
                    "check the selector's keys and values against the generator's parameters (nested keys are joined with '.')"));
            }
            results.Add(new TransformResult(kept, template));
        }
        return results;
    }

    private void CheckCount(int count, NodePath path, ManifestNode at)
    {
        if (count > Limits.MaxParameterSets)
            throw Error($"the generator produces more than {Limits.MaxParameterSets} parameter sets; expansion stopped", path, at,
                AppSetRules.LimitExceeded, "split the ApplicationSet, or raise AppSetLimits.MaxParameterSets if this many Applications are intended");
    }

    /// <summary>
    /// The generator's own template over the ApplicationSet's: a field set (non-empty) in the generator's template wins;
    /// everything else comes from the ApplicationSet's template (mergo.Merge without override).
    /// </summary>
    internal static MappingNode MergeTemplate(MappingNode? generatorTemplate, MappingNode baseTemplate)
        => generatorTemplate is null ? baseTemplate : (MappingNode)FillEmpty(generatorTemplate, baseTemplate);

    private static ManifestNode FillEmpty(ManifestNode dest, ManifestNode source)
    {
        if (dest is MappingNode d && source is MappingNode s)
        {
            var result = d;
            foreach (var e in s.Entries)
            {
                if (!d.TryGetValue(e.Key, out var existing) || IsEmpty(existing)) result = result.Set(e.Key, e.Value);
                else if (existing is MappingNode && e.Value is MappingNode) result = result.Set(e.Key, FillEmpty(existing, e.Value));
            }
            return result;
        }
        return IsEmpty(dest) ? source : dest;
    }

    private static bool IsEmpty(ManifestNode node) => node switch
    {
        NullNode => true,
        Tree.StringNode s => s.Value.Length == 0,
        BooleanNode b => !b.Value,
        IntegerNode i => i.Value == 0,
        SequenceNode l => l.Count == 0,
        MappingNode m => m.Entries.All(e => IsEmpty(e.Value)),
        _ => false,
    };

    /// <summary>Renders the strings of a generator with an outer generator's parameters (Argo CD's InterpolateGenerator).</summary>
    private ManifestNode InterpolateGenerator(MappingNode spec, Dictionary<string, object?> outerParams, NodePath path)
    {
        // The generator's own template is rendered later with the combined parameters, so it is left as written.
        var template = spec.GetValueOrDefault("template");
        var rendered = (MappingNode)_renderer.RenderTree(template is null ? spec : spec.Remove("template"), outerParams, path);
        return template is null ? rendered : rendered.Set("template", template);
    }

    private List<Dictionary<string, object?>> SuppliedParams(string kind, NodePath path, MappingNode spec)
    {
        if (!Unsupported.Contains(kind))
            throw Error($"unknown generator '{kind}'", path, spec);
        if (!_input.SuppliedParameters.TryGetValue(kind, out var sets))
        {
            throw Error($"the {kind} generator needs a live service and cannot run offline", path, spec, AppSetRules.UnsupportedGenerator,
                $"supply its parameter sets from a file (okegitops appset preview --params {kind}=FILE, a YAML list of mappings)");
        }
        var result = new List<Dictionary<string, object?>>(sets.Count);
        foreach (var set in sets)
        {
            var value = (Dictionary<string, object?>)TemplateData.FromNode(set)!;
            result.Add(UseGo ? value : ParamSets.Stringify(ParamSets.Flatten(value)));
        }
        return result;
    }
}
