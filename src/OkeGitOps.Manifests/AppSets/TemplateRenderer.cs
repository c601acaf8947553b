using System.Collections.Immutable;
using OkeGitOps.Manifests.AppSets.GoTemplate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// Renders template strings with a parameter set, with fasttemplate or Go templates as the ApplicationSet chooses.
/// Parsed Go templates are cached per text, so a template used for thousands of parameter sets is parsed once.
/// </summary>
internal sealed class TemplateRenderer
{
    private readonly Dictionary<string, GoTemplate.GoTemplate> _cache = new(StringComparer.Ordinal);
    private readonly GoTemplateLimits _limits;
    private readonly GoTemplateEnvironment _environment;

    public TemplateRenderer(bool useGoTemplate, IReadOnlyList<string> options, AppSetLimits limits, GoTemplateEnvironment? environment = null)
    {
        _environment = environment ?? new GoTemplateEnvironment();
        UseGoTemplate = useGoTemplate;
        Options = options;
        _limits = new GoTemplateLimits(limits.MaxTemplateSteps, limits.MaxRenderedLength);
    }

    public bool UseGoTemplate { get; }

    public IReadOnlyList<string> Options { get; }

    /// <summary>Renders one string; throws <see cref="AppSetException"/> with Argo CD's wording on failure.</summary>
    public string Render(string text, IReadOnlyDictionary<string, object?> parameters, NodePath path, SourceLocation? location)
    {
        if (!text.Contains("{{", StringComparison.Ordinal)) return text;
        if (!UseGoTemplate)
        {
            try
            {
                var result = FastTemplate.Render(text, parameters, _limits.MaxOutputLength);
                if (result.Length > _limits.MaxOutputLength)
                    throw Fail($"rendered value exceeds {_limits.MaxOutputLength} characters", path, location, AppSetRules.LimitExceeded);
                return result;
            }
            catch (FormatException e)
            {
                throw Fail($"invalid template: {e.Message}", path, location);
            }
            catch (InvalidOperationException e)
            {
                throw Fail(e.Message, path, location, AppSetRules.LimitExceeded);
            }
        }
        if (!_cache.TryGetValue(text, out var template))
        {
            try
            {
                template = GoTemplate.GoTemplate.Parse(text, Options, "", _limits);
            }
            catch (GoTemplateException e)
            {
                throw Fail($"failed to parse template {text}: {e.Message}", path, location, suggestion: Suggest(e.Message));
            }
            _cache[text] = template;
        }
        try
        {
            return template.Execute(parameters, _environment);
        }
        catch (GoTemplateException e)
        {
            throw Fail($"failed to execute go template {text}: {e.Message}", path, location, suggestion: Suggest(e.Message));
        }
    }

    private static string? Suggest(string message)
    {
        if (message.Contains("map has no entry for key", StringComparison.Ordinal))
            return "check the parameter name against what the generator produces (preview with 'okegitops appset preview'), or use 'dig' or 'default' for optional keys";
        if (message.Contains("not defined", StringComparison.Ordinal))
            return "Argo CD offers Go's built-ins, Sprig (without env, expandenv, getHostByName) and normalize, slugify, toYaml, fromYaml, fromYamlArray";
        if (message.Contains("exceeded", StringComparison.Ordinal) || message.Contains("exceeds", StringComparison.Ordinal))
            return "the template loops on itself or its data is far larger than an Application needs";
        return null;
    }

    private static AppSetException Fail(string message, NodePath path, SourceLocation? location, string rule = AppSetRules.TemplateError, string? suggestion = null)
        => new(Diagnostic.Error(rule, message, path, location, suggestion));

    // Where RenderTree is in the tree: its base path and the keys (or list indexes) below it. A path object is built
    // only when a string fails to render, not for every node of every generated Application.
    private NodePath _treeBase = NodePath.Root;
    private readonly List<(string? Key, int Index)> _treeSteps = [];

    private NodePath TreePath()
    {
        var path = _treeBase;
        foreach (var (key, index) in _treeSteps) path = key is null ? path.Index(index) : path.Key(key);
        return path;
    }

    /// <summary>Renders every string value and every map key of a tree, as Argo CD does field by field.</summary>
    public ManifestNode RenderTree(ManifestNode node, IReadOnlyDictionary<string, object?> parameters, NodePath path)
    {
        _treeBase = path;
        _treeSteps.Clear();
        return RenderNode(node, parameters);
    }

    private string RenderInTree(string text, IReadOnlyDictionary<string, object?> parameters, SourceLocation? location)
    {
        if (!text.Contains("{{", StringComparison.Ordinal)) return text;
        return Render(text, parameters, TreePath(), location);
    }

    private ManifestNode RenderNode(ManifestNode node, IReadOnlyDictionary<string, object?> parameters)
    {
        switch (node)
        {
            case Tree.StringNode s:
                {
                    var rendered = RenderInTree(s.Value, parameters, s.Location);
                    return ReferenceEquals(rendered, s.Value) ? s : new Tree.StringNode(rendered, s.Location);
                }
            case MappingNode m:
                {
                    var entries = ImmutableArray.CreateBuilder<MappingEntry>(m.Count);
                    var anyKeyRendered = false;
                    foreach (var entry in m.Entries)
                    {
                        _treeSteps.Add((entry.Key, 0));
                        var key = RenderInTree(entry.Key, parameters, entry.KeyLocation ?? entry.Value.Location);
                        var value = RenderNode(entry.Value, parameters);
                        _treeSteps.RemoveAt(_treeSteps.Count - 1);
                        // Two keys that render to the same text: the later one wins, as a Go map assignment does.
                        // (Keys as written are distinct, so only a rendered key can meet another.)
                        var earlier = -1;
                        var keyRendered = !ReferenceEquals(key, entry.Key);
                        if (keyRendered || anyKeyRendered)
                        {
                            for (var i = 0; i < entries.Count && earlier < 0; i++)
                            {
                                if (entries[i].Key == key) earlier = i;
                            }
                        }
                        anyKeyRendered |= keyRendered;
                        if (earlier >= 0) entries[earlier] = entries[earlier] with { Value = value };
                        else entries.Add(new MappingEntry(key, value, entry.KeyLocation));
                    }
                    return new MappingNode(entries.Count == entries.Capacity ? entries.MoveToImmutable() : entries.ToImmutable(), m.Location);
                }
            case SequenceNode seq:
                {
                    var items = new ManifestNode[seq.Count];
                    for (var i = 0; i < seq.Count; i++)
                    {
                        _treeSteps.Add((null, i));
                        items[i] = RenderNode(seq[i], parameters);
                        _treeSteps.RemoveAt(_treeSteps.Count - 1);
                    }
                    return ManifestNode.List(items).WithLocation(seq.Location);
                }
            default:
                return node;
        }
    }

    /// <summary>Renders a generator's <c>values</c> into the parameters, as Argo CD's appendTemplatedValues does.</summary>
    public void AppendValues(MappingNode? values, Dictionary<string, object?> parameters, NodePath path)
    {
        if (values is null || values.Count == 0) return;
        // Values are rendered against the generator's own parameters only, never against each other.
        var rendered = ParamSets.New();
        foreach (var entry in values.Entries)
        {
            var text = entry.Value is ScalarNode sc ? sc.Text : "";
            rendered[entry.Key] = Render(text, parameters, path.Key(entry.Key), entry.Value.Location);
        }
        if (UseGoTemplate)
        {
            parameters["values"] = rendered;
            return;
        }
        foreach (var (key, value) in rendered) parameters["values." + key] = value;
    }
}
