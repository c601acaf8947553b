using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace OkeGitOps.Manifests.Cli.Fmt;

/// <summary>What formatting one YAML text gave: the canonical text (null when some document cannot be represented), the errors, and the first comment found.</summary>
internal sealed record FormatResult(string? Output, IReadOnlyList<Diagnostic> Errors, SourceLocation? FirstComment);

/// <summary>
/// Canonicalizes YAML text: every document is read into its typed model, converted back to a tree and emitted by
/// <see cref="YamlEmitter"/>. A document is refused, never altered, when the models cannot represent all of it:
/// an unknown kind, a field the schema does not have, a value of the wrong type, or (as a last safety net) any
/// difference between the document and the model's tree. Refused documents name file, line, column and path.
/// </summary>
internal sealed class ManifestFormatter(ModelRegistry models, ManifestValidator validator)
{
    /// <summary>Rule for a document that is not a mapping with a string apiVersion and kind.</summary>
    public const string NotAManifest = "fmt-not-a-manifest";

    /// <summary>Rule for a kind without a typed model.</summary>
    public const string UnknownKind = "fmt-unknown-kind";

    /// <summary>Rule for a field the typed model cannot hold.</summary>
    public const string Unrepresentable = "fmt-unrepresentable";

    /// <summary>Rule for a document whose model does not give back the same tree.</summary>
    public const string NotRoundTrip = "fmt-not-round-trip";

    /// <summary>Formats UTF-8 YAML bytes; <paramref name="file"/> is used in locations.</summary>
    public FormatResult Format(ReadOnlySpan<byte> utf8, string file)
    {
        IReadOnlyList<ManifestDocument> documents;
        try
        {
            documents = YamlReader.ReadAll(utf8, file);
        }
        catch (YamlReadException e)
        {
            return new FormatResult(null, e.Diagnostics, null);
        }
        var nodes = new List<ManifestNode>(documents.Count);
        var errors = new List<Diagnostic>();
        foreach (var document in documents)
        {
            if (document.Root is NullNode) continue; // an empty document holds nothing to keep
            var node = Canonical(document, errors);
            if (node is not null) nodes.Add(node);
        }
        var comment = FirstComment(System.Text.Encoding.UTF8.GetString(utf8), file);
        return errors.Count > 0 ? new FormatResult(null, errors, comment) : new FormatResult(YamlEmitter.EmitAll(nodes), [], comment);
    }

    private ManifestNode? Canonical(ManifestDocument document, List<Diagnostic> errors)
    {
        var start = new SourceLocation(document.File, Math.Max(1, document.Line), 1);
        if (document.Root is not MappingNode root)
        {
            errors.Add(Diagnostic.Error(NotAManifest, $"document {document.Index + 1} is a {document.Root.Kind.ToString().ToLowerInvariant()}, not a Kubernetes object",
                NodePath.Root, document.Root.Location ?? start, "fmt formats Kubernetes manifests only"));
            return null;
        }
        if (document.ApiVersion is not { } apiVersion || document.Kind is not { } kind)
        {
            errors.Add(Diagnostic.Error(NotAManifest, $"document {document.Index + 1} has no string apiVersion and kind, so it is not a Kubernetes object",
                NodePath.Root, root.Location ?? start, "fmt formats Kubernetes manifests only; leave other YAML out of its inputs"));
            return null;
        }
        if (!models.TryGet(apiVersion, kind, out var model))
        {
            var others = models.Kinds.Where(k => k.Kind == kind).Select(k => k.ApiVersion).ToList();
            var suggestion = others.Count > 0
                ? $"typed models exist for {kind} in {string.Join(", ", others)}"
                : "fmt formats only the kinds with typed models: " + string.Join(", ", models.Kinds.Select(k => k.Kind).Distinct());
            errors.Add(Diagnostic.Error(UnknownKind, $"there is no typed model for {apiVersion} {kind}, so the document cannot be formatted",
                NodePath.Root.Key("kind"), root.GetValueOrDefault("kind")?.Location ?? root.Location ?? start, suggestion));
            return null;
        }

        IManifestModel typed;
        try
        {
            typed = model.FromNode(root);
        }
        catch (ModelConversionException e)
        {
            errors.Add(Diagnostic.Error(Unrepresentable, e.Message, NodePath.Root, e.Location ?? start));
            return null;
        }

        var extras = typed.GetExtraFields();
        if (extras.Count > 0)
        {
            var found = validator.Validate(document).Where(d => d.IsError && d.Path is not null).ToList();
            foreach (var extra in extras)
            {
                var why = found.FirstOrDefault(d => d.Path!.Equals(extra.Path))
                    ?? found.FirstOrDefault(d => IsBelow(d.Path!, extra.Path));
                var reason = why?.Message ?? $"{Describe(extra.Value)} does not fit the typed field";
                errors.Add(Diagnostic.Error(Unrepresentable,
                    $"{reason}; the typed model of {kind} cannot hold it, so the file is left as it is",
                    extra.Path, why?.Location ?? extra.Value.Location ?? root.Location ?? start,
                    why?.Suggestion ?? (extra.Value is NullNode
                        ? "remove the field: a null value leaves it unset anyway"
                        : "correct or remove the field (okegitops validate names the schema rule)")));
            }
            return null;
        }

        var canonical = typed.ToNode();
        if (!canonical.Equals(root))
        {
            var path = FirstDifference(root, canonical, NodePath.Root);
            errors.Add(Diagnostic.Error(NotRoundTrip, "the typed model would change this document, so it is left as it is",
                path, root.At(path)?.Location ?? root.Location ?? start, "please report this as a bug in okegitops"));
            return null;
        }
        return canonical;
    }

    private static bool IsBelow(NodePath path, NodePath ancestor)
        => path.Segments.Count > ancestor.Segments.Count && path.Segments.Take(ancestor.Segments.Count).SequenceEqual(ancestor.Segments);

    private static string Describe(ManifestNode node) => node switch
    {
        NullNode => "null",
        StringNode s => $"the string '{s.Value}'",
        ScalarNode s => $"the {node.Kind.ToString().ToLowerInvariant()} {s.Text}",
        _ => $"a {node.Kind.ToString().ToLowerInvariant()}",
    };

    private static NodePath FirstDifference(ManifestNode a, ManifestNode b, NodePath path)
    {
        switch (a, b)
        {
            case (MappingNode ma, MappingNode mb):
                foreach (var e in ma.Entries)
                {
                    if (!mb.TryGetValue(e.Key, out var other)) return path.Key(e.Key);
                    if (!e.Value.Equals(other)) return FirstDifference(e.Value, other, path.Key(e.Key));
                }
                foreach (var e in mb.Entries)
                {
                    if (!ma.ContainsKey(e.Key)) return path.Key(e.Key);
                }
                return path;
            case (SequenceNode sa, SequenceNode sb):
                for (var i = 0; i < Math.Min(sa.Count, sb.Count); i++)
                {
                    if (!sa[i].Equals(sb[i])) return FirstDifference(sa[i], sb[i], path.Index(i));
                }
                return path;
            default:
                return path;
        }
    }

    /// <summary>Where the first comment of the text is, or null when there is none. Comments do not survive re-emission.</summary>
    internal static SourceLocation? FirstComment(string text, string file)
    {
        try
        {
            var scanner = new Scanner(new StringReader(text), skipComments: false);
            while (scanner.MoveNext())
            {
                if (scanner.Current is Comment c) return new SourceLocation(file, (int)c.Start.Line, (int)c.Start.Column);
            }
            return null;
        }
        catch (YamlException)
        {
            // The text parsed before, so this should not happen; assume the worst.
            return new SourceLocation(file, 1, 1);
        }
    }
}
