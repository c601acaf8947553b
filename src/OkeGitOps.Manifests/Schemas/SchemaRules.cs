namespace OkeGitOps.Manifests.Schemas;

/// <summary>The rule identifiers that schema import and schema loading put in their diagnostics.</summary>
public static class SchemaRules
{
    /// <summary>The document is not an <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition (or is empty, or is a List).</summary>
    public const string NotCrd = "schema-not-crd";

    /// <summary>A field the CRD or schema file needs is absent or has the wrong type.</summary>
    public const string MissingField = "schema-missing-field";

    /// <summary>A served version has no <c>schema.openAPIV3Schema</c>.</summary>
    public const string NoSchema = "schema-no-openapi";

    /// <summary>A schema, or a place where a schema belongs, is not a JSON object of type <c>object</c>.</summary>
    public const string NotObject = "schema-not-object";

    /// <summary>A schema keyword holds a value of the wrong type.</summary>
    public const string BadKeyword = "schema-bad-keyword";

    /// <summary>A value cannot be represented in JSON (NaN or infinity).</summary>
    public const string BadValue = "schema-bad-value";

    /// <summary>The text is not valid JSON.</summary>
    public const string BadJson = "schema-bad-json";

    /// <summary>A <c>$ref</c> points at nothing, or appears where references are not allowed.</summary>
    public const string BadRef = "schema-bad-ref";

    /// <summary>The imported schema is not a well-formed JSON Schema document.</summary>
    public const string NotJsonSchema = "schema-not-json-schema";

    /// <summary>Two inputs describe the same group/version/kind.</summary>
    public const string Duplicate = "schema-duplicate";

    /// <summary>A kind asked for (for example with <c>--kinds</c>) is not in the input.</summary>
    public const string KindNotFound = "schema-kind-not-found";

    /// <summary>A schema file is not in the <c>okegitops.schema/v1</c> format or contradicts its location.</summary>
    public const string BadSchemaFile = "schema-bad-file";
}
