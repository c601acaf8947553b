namespace OkeGitOps.Manifests.Generators;

/// <summary>One generated source file's model. Models compare by value so unchanged files are not rendered again.</summary>
internal abstract record OutputModel(string HintName);

/// <summary>A generated immutable record for one object schema.</summary>
internal sealed record RecordModel(
    string HintName,
    string Namespace,
    string Name,
    string Summary,
    bool IsRoot,
    string? ApiVersion,
    string? Kind,
    string Scope,
    EquatableArray<PropertyModel> Properties) : OutputModel(HintName);

/// <summary>One property of a generated record. <see cref="Write"/> is an expression over <c>v</c>; <see cref="Read"/> is a <c>Func&lt;ManifestNode, T&gt;</c>.</summary>
internal sealed record PropertyModel(
    string JsonName,
    string JsonLiteral,
    string Name,
    string Type,
    bool IsValueType,
    string Summary,
    string Read,
    string Write,
    string Shape,
    string? Element,
    string Local);

/// <summary>A generated enum for an enum-constrained string.</summary>
internal sealed record EnumModel(
    string HintName,
    string Namespace,
    string Name,
    string Summary,
    EquatableArray<EnumMember> Members) : OutputModel(HintName);

internal sealed record EnumMember(string Name, string Value, string Literal, string Doc);

/// <summary>A generated static factory class for the kinds of one API group (e.g. <c>Argo</c>).</summary>
internal sealed record FactoryModel(
    string HintName,
    string ClassName,
    string Summary,
    EquatableArray<FactoryEntry> Entries) : OutputModel(HintName);

internal sealed record FactoryEntry(string Method, string Type, bool Namespaced, string Summary, string Doc);

/// <summary>The list of every generated root kind (<c>GeneratedModelKinds</c>), read by <c>ModelRegistry</c> without reflection.</summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Types">The fully qualified root record types, ordered by apiVersion then kind.</param>
internal sealed record RegistryModel(string HintName, EquatableArray<string> Types) : OutputModel(HintName);

/// <summary>A problem found while reading schemas, reported as a compiler diagnostic.</summary>
internal sealed record DiagnosticModel(string Id, string Message, string Path);

/// <summary>Everything to generate for one compilation.</summary>
internal sealed record GenerationPlan(EquatableArray<OutputModel> Outputs, EquatableArray<DiagnosticModel> Diagnostics);
