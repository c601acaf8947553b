using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// Expands an Argo CD ApplicationSet offline into the Applications Argo CD v3.5's controller would generate, in the
/// same order: generators in turn (list, clusters, git directories and files, matrix, merge, post-selectors),
/// fasttemplate or Go templates, generator templates, <c>templatePatch</c>. Every Application is checked by the
/// <see cref="ManifestValidator"/>, and Argo CD's own refusals are reported: duplicate names, a missing key under
/// <c>missingkey=error</c>, a destination that names no known cluster.
/// </summary>
/// <remarks>Instances are immutable and may be shared between threads.</remarks>
public sealed class AppSetExpander
{
    private const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";
    private readonly ManifestValidator _validator;

    /// <summary>Creates an expander that validates with <paramref name="validator"/> (the embedded schemas when null).</summary>
    public AppSetExpander(ManifestValidator? validator = null)
        => _validator = validator ?? new ManifestValidator(SchemaRegistry.Default);

    /// <summary>Expands a typed ApplicationSet (e.g. <c>Models.Argo.ApplicationSet</c>).</summary>
    public AppSetExpansion Expand(IManifestModel applicationSet, AppSetInput? input = null)
    {
        ArgumentNullException.ThrowIfNull(applicationSet);
        return Expand(applicationSet.ToNode(), input);
    }

    /// <summary>Expands an ApplicationSet given as a tree (as read by <see cref="YamlReader"/>).</summary>
    /// <param name="applicationSet">The ApplicationSet document.</param>
    /// <param name="input">Cluster Secrets, repository folders and supplied parameters; <see cref="AppSetInput.Empty"/> when null.</param>
    public AppSetExpansion Expand(ManifestNode applicationSet, AppSetInput? input = null) => Expand(applicationSet, input, clusters: null);

    /// <summary>Expands against clusters already read from <paramref name="input"/>'s Secrets (one input, many ApplicationSets).</summary>
    internal AppSetExpansion Expand(ManifestNode applicationSet, AppSetInput? input, IReadOnlyList<ClusterSecret>? clusters)
    {
        ArgumentNullException.ThrowIfNull(applicationSet);
        input ??= AppSetInput.Empty;
        var diagnostics = new List<Diagnostic>();
        if (applicationSet is not MappingNode root || root.GetString("kind") != "ApplicationSet" || root.GetString("apiVersion") != "argoproj.io/v1alpha1")
        {
            diagnostics.Add(Diagnostic.Error(AppSetRules.NotAnApplicationSet, "the document is not an argoproj.io/v1alpha1 ApplicationSet",
                NodePath.Root, applicationSet.Location, "pass a document with apiVersion: argoproj.io/v1alpha1 and kind: ApplicationSet"));
            return new AppSetExpansion("", [], diagnostics);
        }
        var metadata = root.GetValueOrDefault("metadata") as MappingNode;
        var name = metadata?.GetString("name") ?? "";
        var ns = metadata?.GetString("namespace");
        var own = _validator.Validate(new ManifestDocument(root));
        diagnostics.AddRange(own);
        if (own.Any(d => d.IsError)) return new AppSetExpansion(name, [], diagnostics);

        var spec = root.GetValueOrDefault("spec") as MappingNode ?? MappingNode.Empty;
        var useGo = spec.GetValueOrDefault("goTemplate") is BooleanNode { Value: true };
        var options = spec.GetValueOrDefault("goTemplateOptions") is SequenceNode opts
            ? opts.OfType<Tree.StringNode>().Select(o => o.Value).ToList()
            : [];
        var template = spec.GetValueOrDefault("template") as MappingNode ?? MappingNode.Empty;
        var templatePatch = spec.GetString("templatePatch");
        var preserve = (spec.GetValueOrDefault("syncPolicy") as MappingNode)?.GetValueOrDefault("preserveResourcesOnDeletion") is BooleanNode { Value: true };
        var renderer = new TemplateRenderer(useGo, options, input.Limits, new GoTemplate.GoTemplateEnvironment(input.Now, input.RandomSeed));
        var warnings = new List<Diagnostic>();
        var runner = new GeneratorRunner(input, renderer, warnings, clusters, input.ArgoCdNamespace ?? ns ?? AppSetInput.DefaultArgoCdNamespace);
        var apps = new List<(MappingNode App, NodePath Generator)>();
        var generators = spec.GetValueOrDefault("generators") as SequenceNode ?? ManifestNode.List();
        var specPath = NodePath.Root.Key("spec");

        for (var i = 0; i < generators.Count; i++)
        {
            var genPath = specPath.Key("generators").Index(i);
            if (generators[i] is not MappingNode generator) continue;
            List<TransformResult> results;
            try
            {
                results = runner.Transform(generator, genPath, template, null, 0);
            }
            catch (AppSetException e)
            {
                diagnostics.Add(e.Diagnostic);
                continue;
            }
            foreach (var result in results)
            {
                foreach (var parameters in result.Params)
                {
                    try
                    {
                        var app = Render(result.Template, parameters, renderer, preserve, specPath.Key("template"));
                        if (templatePatch is not null && useGo) app = Patch(app, templatePatch, parameters, renderer, specPath.Key("templatePatch"), spec);
                        if (ns is not null) app = SetNamespace(app, ns);
                        apps.Add((app, genPath));
                    }
                    catch (AppSetException e)
                    {
                        diagnostics.Add(e.Diagnostic);
                    }
                }
            }
        }
        diagnostics.AddRange(warnings);
        Check(name, apps, input, runner, diagnostics);
        return new AppSetExpansion(name, apps.Select(a => a.App).ToList(), diagnostics);
    }

    private static MappingNode Render(MappingNode template, Dictionary<string, object?> parameters, TemplateRenderer renderer, bool preserve, NodePath path)
    {
        var metadata = template.GetValueOrDefault("metadata") as MappingNode ?? MappingNode.Empty;
        var spec = template.GetValueOrDefault("spec") as MappingNode ?? MappingNode.Empty;
        if (parameters.Count > 0)
        {
            metadata = (MappingNode)renderer.RenderTree(metadata, parameters, path.Key("metadata"));
            spec = (MappingNode)renderer.RenderTree(spec, parameters, path.Key("spec"));
            // Argo CD adds the resources finalizer unless the template sets finalizers or the ApplicationSet preserves resources.
            if (!preserve && metadata.GetValueOrDefault("finalizers") is not SequenceNode { Count: > 0 })
                metadata = metadata.Set("finalizers", ManifestNode.List(ManifestNode.String(ResourcesFinalizer)));
        }
        return ManifestNode.Map(
            ("apiVersion", ManifestNode.String("argoproj.io/v1alpha1")),
            ("kind", ManifestNode.String("Application")),
            ("metadata", metadata),
            ("spec", spec));
    }

    private static MappingNode Patch(MappingNode app, string patch, Dictionary<string, object?> parameters, TemplateRenderer renderer, NodePath path, MappingNode spec)
    {
        var at = spec.GetValueOrDefault("templatePatch");
        var text = renderer.Render(patch, parameters, path, at?.Location);
        ManifestNode patchNode;
        try
        {
            var docs = YamlReader.ReadAll(text);
            patchNode = docs.Count == 0 ? ManifestNode.Null : docs[0].Root;
        }
        catch (ManifestException e)
        {
            throw new AppSetException(Diagnostic.Error(AppSetRules.TemplateError,
                $"error applying templatePatch: the rendered patch is not valid YAML: {e.Diagnostics[0].Message}", path, at?.Location,
                "render values with toJson or quote them so the patch stays valid YAML"));
        }
        if (patchNode is NullNode) return app;
        if (patchNode is not MappingNode) throw new AppSetException(Diagnostic.Error(AppSetRules.TemplateError,
            "error applying templatePatch: the rendered patch must be a mapping", path, at?.Location));
        var project = app.At(SpecProject);
        var patched = (MappingNode)MergePatch.Apply(app, patchNode);
        if (patched.At(SpecProject) != project)
        {
            throw new AppSetException(Diagnostic.Error(AppSetRules.TemplateError, "templatePatch may not change spec.project", path, at?.Location,
                "set the project in spec.template.spec.project"));
        }
        return patched;
    }

    private static MappingNode SetNamespace(MappingNode app, string ns)
    {
        var metadata = app.GetValueOrDefault("metadata") as MappingNode ?? MappingNode.Empty;
        return app.Set("metadata", metadata.Set("namespace", ManifestNode.String(ns)));
    }

    private static readonly NodePath SpecProject = NodePath.Parse("spec.project");
    private static readonly NodePath MetadataName = NodePath.Parse("metadata.name");
    private static readonly NodePath Spec = NodePath.Parse("spec");
    private static readonly NodePath SpecDestination = NodePath.Parse("spec.destination");

    private void Check(string appSetName, List<(MappingNode App, NodePath Generator)> apps, AppSetInput input, GeneratorRunner runner, List<Diagnostic> diagnostics)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var known = runner.KnownClusters;
        // Looked up once per Application: sets, so a large fleet's check stays linear.
        var knownNames = known.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var knownServers = known.Select(c => c.TrimmedServer).ToHashSet(StringComparer.Ordinal);
        foreach (var (app, generator) in apps)
        {
            var appName = (app.GetValueOrDefault("metadata") as MappingNode)?.GetString("name") ?? "";
            var templateLocation = (app.At(MetadataName) ?? app.At(Spec))?.Location;
            if (!names.Add(appName))
            {
                diagnostics.Add(Diagnostic.Error(AppSetRules.DuplicateApplication,
                    $"ApplicationSet {appSetName} contains applications with duplicate name: {appName}", generator, templateLocation,
                    "make metadata.name depend on a parameter that differs between the parameter sets"));
            }
            foreach (var d in _validator.Validate(new ManifestDocument(app)))
            {
                diagnostics.Add(d with { Message = $"Application '{appName}': {d.Message}" });
            }
            if (app.At(SpecDestination) is MappingNode destination)
            {
                var server = destination.GetString("server") ?? "";
                var clusterName = destination.GetString("name") ?? "";
                var at = SpecDestination;
                if (server.Length > 0 && clusterName.Length > 0)
                {
                    diagnostics.Add(Diagnostic.Error(AppSetRules.InvalidApplication,
                        $"Application '{appName}': application destination spec is invalid: application destination can't have both name and server defined: {clusterName} {server}",
                        at, destination.Location, "keep either destination.name or destination.server"));
                }
                else if (server.Length == 0 && clusterName.Length == 0)
                {
                    diagnostics.Add(Diagnostic.Error(AppSetRules.InvalidApplication,
                        $"Application '{appName}': application destination spec is invalid: destination server or name is required", at, destination.Location));
                }
                else
                {
                    var found = clusterName.Length > 0 ? knownNames.Contains(clusterName) : knownServers.Contains(server.TrimEnd('/'));
                    if (!found)
                    {
                        var message = clusterName.Length > 0
                            ? $"Application '{appName}': application destination spec is invalid: there are no clusters with this name: {clusterName}"
                            : $"Application '{appName}': application destination spec is invalid: there are no clusters with this server: {server}";
                        var suggestion = $"known clusters: {string.Join(", ", known.Select(c => $"{c.Name} ({c.Server})"))}";
                        // Without cluster Secrets in the input, the preview cannot know the clusters: say so, but do not fail.
                        diagnostics.Add(input.ClusterSecrets.Count > 0
                            ? Diagnostic.Error(AppSetRules.InvalidApplication, message, at, destination.Location, suggestion)
                            : Diagnostic.Warning(AppSetRules.InvalidApplication, message, at, destination.Location, suggestion + "; pass the cluster Secrets to check destinations"));
                    }
                }
            }
        }
    }
}
