using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace OkeGitOps.Manifests.Cli.Fmt;

/// <summary>
/// What formatting one YAML text gave: the canonical text (null when some document cannot be represented), the errors,
/// the first comment found, and the warnings about what was left out (nulls the API server drops).
/// </summary>
internal sealed record FormatResult(string? Output, IReadOnlyList<Diagnostic> Errors, SourceLocation? FirstComment)
{
    /// <summary>Things formatting left out on purpose, e.g. <c>creationTimestamp: null</c>; to be said on stderr.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];
}

/// <summary>
/// Canonicalizes YAML text: every document is read into its typed model, converted back to a tree and emitted by
/// <see cref="YamlEmitter"/>. A document is refused, never altered, when the models cannot represent all of it:
/// an unknown kind, a field the schema does not have, a value of the wrong type, or (as a last safety net) any
/// difference between the document and the model's tree. Refused documents name file, line, column and path.
/// </summary>
/// <remarks>
/// Two things are changed on purpose, as the API server reads them: a field whose value is <c>null</c> is left out
/// (<see cref="ValidationRules.NullDropped"/>, reported as a warning; <c>kubectl create --dry-run -o yaml</c> writes
/// <c>creationTimestamp: null</c>), and an integer in a <c>number</c> field is written as a number. A <c>v1 List</c>
/// is formatted item by item.
/// </remarks>
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
        var warnings = new List<Diagnostic>();
        foreach (var document in documents)
        {
            if (document.Root is NullNode) continue; // an empty document holds nothing to keep
            var node = Canonical(document with { Root = DropNulls(document.Root, NodePath.Root, warnings) }, errors);
            if (node is not null) nodes.Add(node);
        }
        var comment = FirstComment(System.Text.Encoding.UTF8.GetString(utf8), file);
        return errors.Count > 0
            ? new FormatResult(null, errors, comment) { Warnings = warnings }
            : new FormatResult(YamlEmitter.EmitAll(nodes), [], comment) { Warnings = warnings };
    }

    // The API server drops a field whose value is null (or decodes it to the zero value): leave it out and say so.
    // Items of lists are kept, so that a null where the server refuses one still fails in the typed model.
    private static ManifestNode DropNulls(ManifestNode node, NodePath path, List<Diagnostic> warnings)
    {
        switch (node)
        {
            case MappingNode map:
                List<MappingEntry>? kept = null;
                for (var i = 0; i < map.Count; i++)
                {
                    var entry = map[i];
                    var at = path.Key(entry.Key);
                    if (entry.Value is NullNode)
                    {
                        warnings.Add(Diagnostic.Warning(ValidationRules.NullDropped, "the API server drops this null; fmt leaves the field out",
                            at, entry.KeyLocation ?? entry.Value.Location));
                        kept ??= [.. map.Entries.Take(i)];
                        continue;
                    }
                    var value = DropNulls(entry.Value, at, warnings);
                    if (kept is null && ReferenceEquals(value, entry.Value)) continue;
                    kept ??= [.. map.Entries.Take(i)];
                    kept.Add(entry with { Value = value });
                }
                return kept is null ? map : new MappingNode([.. kept], map.Location);
            case SequenceNode list:
                ManifestNode[]? items = null;
                for (var i = 0; i < list.Count; i++)
                {
                    var value = DropNulls(list[i], path.Index(i), warnings);
                    if (ReferenceEquals(value, list[i])) continue;
                    items ??= [.. list.Items];
                    items[i] = value;
                }
                return items is null ? list : new SequenceNode([.. items], list.Location);
            default:
                return node;
        }
    }

    private ManifestNode? Canonical(ManifestDocument document, List<Diagnostic> errors)
    {
        var start = new SourceLocation(document.File, Math.Max(1, document.Line), 1);
        if (document.Root is MappingNode list && document.ApiVersion == "v1" && document.Kind == "List" && list.GetValueOrDefault("items") is SequenceNode items)
        {
            // kubectl's List: each item is an object of its own; the rest of the wrapper is kept as written.
            var formatted = new List<ManifestNode>(items.Count);
            var failed = false;
            for (var i = 0; i < items.Count; i++)
            {
                var item = Canonical(new ManifestDocument(items[i], document.File, document.Index, items[i].Location?.Line ?? document.Line), errors);
                if (item is null) failed = true;
                else formatted.Add(item);
            }
            return failed ? null : list.Set("items", new SequenceNode([.. formatted], items.Location));
        }
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
        if (!SameValue(canonical, root))
        {
            var path = FirstDifference(root, canonical, NodePath.Root);
            errors.Add(Diagnostic.Error(NotRoundTrip, "the typed model would change this document, so it is left as it is",
                path, root.At(path)?.Location ?? root.Location ?? start, "please report this as a bug in okegitops"));
            return null;
        }
        // A number is kept as its text only where the API server takes it so (a quantity); anywhere else the
        // validator calls it a wrong type, and fmt must not turn it into a string silently.
        if (NumberBecameString(canonical, root)
            && validator.Validate(document).FirstOrDefault(d => d.IsError && d.Rule == ValidationRules.Type) is { } wrongType)
        {
            errors.Add(Diagnostic.Error(Unrepresentable, $"{wrongType.Message}; the typed model of {kind} cannot hold it, so the file is left as it is",
                wrongType.Path, wrongType.Location ?? root.Location ?? start, wrongType.Suggestion));
            return null;
        }
        return canonical;
    }

    /// <summary>True when the typed model holds some number of <paramref name="original"/> as a string (see <see cref="IntOrString"/>).</summary>
    private static bool NumberBecameString(ManifestNode canonical, ManifestNode original) => (canonical, original) switch
    {
        (MappingNode mc, MappingNode mo) => mc.Entries.Any(e => mo.TryGetValue(e.Key, out var o) && NumberBecameString(e.Value, o)),
        (SequenceNode sc, SequenceNode so) => Enumerable.Range(0, Math.Min(sc.Count, so.Count)).Any(i => NumberBecameString(sc[i], so[i])),
        (StringNode, NumberNode) => true,
        _ => false,
    };

    // Structural equality, except that an integer read into a number field comes back as that number (1 and 1.0).
    private static bool SameValue(ManifestNode a, ManifestNode b)
    {
        switch (a, b)
        {
            case (MappingNode ma, MappingNode mb):
                if (ma.Count != mb.Count) return false;
                foreach (var e in ma.Entries)
                {
                    if (!mb.TryGetValue(e.Key, out var other) || !SameValue(e.Value, other)) return false;
                }
                return true;
            case (SequenceNode sa, SequenceNode sb):
                if (sa.Count != sb.Count) return false;
                for (var i = 0; i < sa.Count; i++)
                {
                    if (!SameValue(sa[i], sb[i])) return false;
                }
                return true;
            case (NumberNode n, IntegerNode i):
                return n.Value == i.Value;
            case (IntegerNode i, NumberNode n):
                return n.Value == i.Value;
            case (NumberNode n, StringNode s):
                // A quantity written as a number (cpu: 0.5) is held as its text, the form the API server stores.
                return s.Value == n.Text;
            case (StringNode s, NumberNode n):
                return s.Value == n.Text;
            default:
                return a.Equals(b);
        }
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
                    if (!SameValue(e.Value, other)) return FirstDifference(e.Value, other, path.Key(e.Key));
                }
                foreach (var e in mb.Entries)
                {
                    if (!ma.ContainsKey(e.Key)) return path.Key(e.Key);
                }
                return path;
            case (SequenceNode sa, SequenceNode sb):
                for (var i = 0; i < Math.Min(sa.Count, sb.Count); i++)
                {
                    if (!SameValue(sa[i], sb[i])) return FirstDifference(sa[i], sb[i], path.Index(i));
                }
                return path;
            default:
                return path;
        }
    }

    /// <summary>Where the first comment of the text is, or null when there is none. Comments do not survive re-emission.</summary>
    internal static SourceLocation? FirstComment(string text, string file)
    {
        // YamlDotNet's scanner loops for ever on a byte-order mark followed by a comment; the reader drops the mark too.
        if (text.StartsWith('\uFEFF')) text = text[1..];
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
