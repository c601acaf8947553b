using System.Text;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation.Compiled;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// The checks the API server applies to <c>metadata</c> of every object, whatever its kind (its ObjectMeta
/// validation, not expressed in any OpenAPI schema): name grammar per kind, namespace and scope, label and
/// annotation keys and values, the annotation size limit. Other metadata fields are checked against the
/// ObjectMeta schema.
/// </summary>
internal static class MetadataRules
{
    /// <summary>Annotation keys and values together may not exceed this many bytes.</summary>
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    public static void Validate(MappingNode root, ResourceSchema resource, CompiledSchema? objectMeta, ValidationContext ctx)
    {
        if (!root.TryGetEntry("metadata", out var entry))
        {
            ctx.Error(ValidationRules.MetadataMissing, "missing required field \"metadata\"", root.Location,
                "add metadata with at least a name");
            return;
        }
        ctx.Push("metadata");
        if (entry.Value is not MappingNode metadata)
        {
            ReportNotString(entry.Value, "object", ctx);
            ctx.Pop();
            return;
        }

        CheckName(metadata, resource, ctx);
        var entries = metadata.Entries;
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            switch (e.Key)
            {
                case "name":
                case "generateName":
                    break;
                case "namespace":
                    ctx.Push(e.Key);
                    CheckNamespace(e.Value, resource, ctx);
                    ctx.Pop();
                    break;
                case "labels":
                    ctx.Push(e.Key);
                    CheckLabels(e.Value, ctx);
                    ctx.Pop();
                    break;
                case "annotations":
                    ctx.Push(e.Key);
                    CheckAnnotations(e.Value, ctx);
                    ctx.Pop();
                    break;
                case "creationTimestamp" when e.Value is NullNode:
                    // kubectl writes "creationTimestamp: null" into generated manifests; the API server ignores it.
                    break;
                default:
                    if (objectMeta is null) break;
                    if (objectMeta.Properties is not null && objectMeta.Properties.TryGetValue(e.Key, out var slot))
                    {
                        ctx.Push(e.Key);
                        SchemaWalker.Walk(e.Value, slot.Schema, ctx);
                        ctx.Pop();
                    }
                    else
                    {
                        SchemaWalker.ReportUnknownField(e, objectMeta, ctx);
                    }
                    break;
            }
        }
        ctx.Pop();
    }

    /// <summary>The name grammar an object of this kind must follow.</summary>
    private enum NameGrammar
    {
        Subdomain,
        Label,
        Dns1035Label,
    }

    private static NameGrammar GrammarOf(ResourceSchema resource) => (resource.Group, resource.Kind) switch
    {
        ("", "Namespace") => NameGrammar.Label,
        ("", "Service") => NameGrammar.Dns1035Label,
        _ => NameGrammar.Subdomain,
    };

    private static void CheckName(MappingNode metadata, ResourceSchema resource, ValidationContext ctx)
    {
        var hasName = metadata.TryGetValue("name", out var name);
        var hasGenerate = metadata.TryGetValue("generateName", out var generate);
        if ((!hasName || name is StringNode { Value.Length: 0 }) && (!hasGenerate || generate is StringNode { Value.Length: 0 }))
        {
            ctx.Error(ValidationRules.NameMissing, "missing required field \"name\"",
                hasName ? name.Location : metadata.Location, "set metadata.name");
            if (!hasName) return;
        }
        var grammar = GrammarOf(resource);
        if (hasName)
        {
            ctx.Push("name");
            if (name is not StringNode s) ReportNotString(name, "string", ctx);
            else if (s.Value.Length > 0) CheckNameValue(s.Value, grammar, resource.Kind, false, s.Location, ctx);
            ctx.Pop();
        }
        if (hasGenerate)
        {
            ctx.Push("generateName");
            if (generate is not StringNode g) ReportNotString(generate, "string", ctx);
            else if (g.Value.Length > 0)
            {
                // A prefix: the server appends random characters, so a trailing '-' is fine.
                var masked = g.Value.EndsWith('-') ? g.Value[..^1] + "a" : g.Value;
                CheckNameValue(masked, grammar, resource.Kind, true, g.Location, ctx, g.Value);
            }
            ctx.Pop();
        }
    }

    private static void CheckNameValue(string value, NameGrammar grammar, string kind, bool prefix, SourceLocation? location, ValidationContext ctx, string? shown = null)
    {
        var ok = grammar switch
        {
            NameGrammar.Label => NameRules.IsDns1123Label(value),
            NameGrammar.Dns1035Label => NameRules.IsDns1035Label(value),
            _ => NameRules.IsDns1123Subdomain(value),
        };
        if (ok) return;
        var what = prefix ? $"{kind} name prefix" : $"{kind} name";
        var rule = grammar switch
        {
            NameGrammar.Label => $"a lowercase RFC 1123 label: at most {NameRules.Dns1123LabelMaxLength} characters of a-z, 0-9 and '-', starting and ending with a letter or digit",
            NameGrammar.Dns1035Label => $"an RFC 1035 label: at most {NameRules.Dns1035LabelMaxLength} characters of a-z, 0-9 and '-', starting with a letter and ending with a letter or digit",
            _ => $"a lowercase RFC 1123 subdomain: at most {NameRules.Dns1123SubdomainMaxLength} characters of a-z, 0-9, '-' and '.', starting and ending with a letter or digit",
        };
        var original = shown ?? value;
        var fixedName = grammar switch
        {
            NameGrammar.Label => NameRules.ToDnsName(original, NameRules.Dns1123LabelMaxLength, allowDots: false),
            NameGrammar.Dns1035Label => NameRules.ToDnsName(original, NameRules.Dns1035LabelMaxLength, allowDots: false, startWithLetter: true),
            _ => NameRules.ToDnsName(original, NameRules.Dns1123SubdomainMaxLength, allowDots: true),
        };
        if (prefix && fixedName is not null && original.EndsWith('-')) fixedName += "-";
        ctx.Error(ValidationRules.NameInvalid, $"{SchemaWalker.Quote(original)} is not a valid {what}: it must be {rule}", location,
            fixedName is null || fixedName == original ? null : $"use \"{fixedName}\"");
    }

    private static void CheckNamespace(ManifestNode value, ResourceSchema resource, ValidationContext ctx)
    {
        if (value is not StringNode s)
        {
            ReportNotString(value, "string", ctx);
            return;
        }
        if (resource.Scope == ResourceScope.Cluster)
        {
            ctx.Warning(ValidationRules.NamespaceOnClusterScoped,
                $"{resource.Kind} is cluster-scoped, so metadata.namespace has no effect", s.Location,
                "remove metadata.namespace");
            return;
        }
        if (s.Value.Length == 0 || NameRules.IsDns1123Label(s.Value)) return;
        var fixedName = NameRules.ToDnsName(s.Value, NameRules.Dns1123LabelMaxLength, allowDots: false);
        ctx.Error(ValidationRules.NamespaceInvalid,
            $"{SchemaWalker.Quote(s.Value)} is not a valid namespace: it must be a lowercase RFC 1123 label: at most {NameRules.Dns1123LabelMaxLength} characters of a-z, 0-9 and '-', starting and ending with a letter or digit",
            s.Location, fixedName is null ? null : $"use \"{fixedName}\"");
    }

    private static void CheckLabels(ManifestNode value, ValidationContext ctx)
    {
        if (value is NullNode) return;
        if (value is not MappingNode labels)
        {
            ReportNotString(value, "object", ctx);
            return;
        }
        foreach (var e in labels.Entries)
        {
            ctx.Push(e.Key);
            if (NameRules.QualifiedNameProblem(e.Key) is { } keyProblem)
                ctx.Error(ValidationRules.LabelKeyInvalid, $"invalid label key {SchemaWalker.Quote(e.Key)}: {keyProblem}", e.KeyLocation ?? e.Value.Location);
            if (e.Value is StringNode s)
            {
                if (NameRules.LabelValueProblem(s.Value) is { } valueProblem)
                    ctx.Error(ValidationRules.LabelValueInvalid, $"invalid label value {SchemaWalker.Quote(s.Value)}: {valueProblem}", s.Location);
            }
            else
            {
                ReportNotString(e.Value, "string", ctx);
            }
            ctx.Pop();
        }
    }

    private static void CheckAnnotations(ManifestNode value, ValidationContext ctx)
    {
        if (value is NullNode) return;
        if (value is not MappingNode annotations)
        {
            ReportNotString(value, "object", ctx);
            return;
        }
        long total = 0;
        foreach (var e in annotations.Entries)
        {
            ctx.Push(e.Key);
            if (NameRules.QualifiedNameProblem(e.Key) is { } keyProblem)
                ctx.Error(ValidationRules.AnnotationKeyInvalid, $"invalid annotation key {SchemaWalker.Quote(e.Key)}: {keyProblem}", e.KeyLocation ?? e.Value.Location);
            total += Encoding.UTF8.GetByteCount(e.Key);
            if (e.Value is StringNode s) total += Encoding.UTF8.GetByteCount(s.Value);
            else ReportNotString(e.Value, "string", ctx);
            ctx.Pop();
        }
        if (total > TotalAnnotationSizeLimit)
        {
            ctx.Error(ValidationRules.AnnotationsTooLarge,
                $"annotations take {total} bytes, more than the limit of {TotalAnnotationSizeLimit} bytes (256 KiB)", annotations.Location,
                "move large data into a ConfigMap");
        }
    }

    /// <summary>Reports a metadata value of the wrong type; scalars where strings belong get a suggestion to quote them.</summary>
    private static void ReportNotString(ManifestNode value, string expected, ValidationContext ctx)
    {
        if (value is NullNode)
        {
            ctx.Error(ValidationRules.NullNotAllowed, "null is not allowed", value.Location,
                expected == "string" ? "write \"\" for an empty value, or remove the field" : "give a value, or remove the field");
            return;
        }
        string? suggestion = expected == "string" && value is ScalarNode scalar
            ? $"quote the value so it stays a string: \"{scalar.Text}\""
            : null;
        ctx.Error(ValidationRules.Type, $"must be of type {expected}, got {SchemaWalker.Describe(value)}", value.Location, suggestion);
    }
}
