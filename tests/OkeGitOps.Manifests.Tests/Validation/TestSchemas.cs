using System.Text.Json;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Validation;

/// <summary>Small hand-written schemas that exercise every rule, and helpers to validate YAML against them.</summary>
internal static class TestSchemas
{
    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static ResourceSchema Schema(string group, string version, string kind, string? openApi,
        ResourceScope scope = ResourceScope.Namespaced, bool served = true, bool storage = true, bool deprecated = false, string? warning = null)
        => new(group, version, kind, scope, served, storage, deprecated, warning, "test", openApi is null ? null : Json(openApi));

    /// <summary>A cut-down ObjectMeta: enough fields for unknown-field checks and a few typed ones.</summary>
    public const string ObjectMeta = """
        {
          "type": "object",
          "properties": {
            "name": {"type": "string"},
            "generateName": {"type": "string"},
            "namespace": {"type": "string"},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
            "finalizers": {"type": "array", "items": {"type": "string"}, "x-kubernetes-list-type": "set"},
            "creationTimestamp": {"type": "string", "format": "date-time"},
            "generation": {"type": "integer", "format": "int64"},
            "uid": {"type": "string"}
          }
        }
        """;

    /// <summary>A test kind whose fields cover the structural rules one by one.</summary>
    public const string Widget = """
        {
          "type": "object",
          "required": ["spec"],
          "properties": {
            "apiVersion": {"type": "string"},
            "kind": {"type": "string"},
            "metadata": {"type": "object"},
            "spec": {
              "type": "object",
              "required": ["size"],
              "properties": {
                "size": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 10},
                "ratio": {"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 1, "exclusiveMaximum": true},
                "step": {"type": "integer", "multipleOf": 5},
                "enabled": {"type": "boolean"},
                "repoURL": {"type": "string"},
                "mode": {"type": "string", "enum": ["Automatic", "Manual", "Off"]},
                "slug": {"type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "minLength": 2, "maxLength": 5},
                "note": {"type": "string", "nullable": true},
                "when": {"type": "string", "format": "date-time"},
                "blob": {"type": "string", "format": "byte"},
                "port": {"x-kubernetes-int-or-string": true, "anyOf": [{"type": "integer"}, {"type": "string"}]},
                "tags": {"type": "array", "items": {"type": "string"}, "x-kubernetes-list-type": "set", "minItems": 1, "maxItems": 3},
                "entries": {
                  "type": "array",
                  "x-kubernetes-list-type": "map",
                  "x-kubernetes-list-map-keys": ["port", "protocol"],
                  "items": {
                    "type": "object",
                    "required": ["port"],
                    "properties": {
                      "port": {"type": "integer"},
                      "protocol": {"type": "string", "default": "TCP"},
                      "name": {"type": "string"}
                    }
                  }
                },
                "env": {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1, "maxProperties": 2},
                "values": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
                "free": {"x-kubernetes-preserve-unknown-fields": true},
                "template": {
                  "type": "object",
                  "x-kubernetes-embedded-resource": true,
                  "x-kubernetes-preserve-unknown-fields": true
                },
                "source": {
                  "type": "object",
                  "properties": {"git": {"type": "string"}, "oci": {"type": "string"}},
                  "oneOf": [{"required": ["git"]}, {"required": ["oci"]}]
                },
                "target": {
                  "type": "object",
                  "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                  "anyOf": [{"required": ["a"]}, {"required": ["b"]}],
                  "not": {"required": ["a", "b"]}
                },
                "checked": {
                  "type": "object",
                  "properties": {"x": {"type": "string"}, "y": {"type": "string"}},
                  "x-kubernetes-validations": [{"rule": "has(self.x) || has(self.y)", "message": "x or y must be set"}]
                },
                "wide": {
                  "type": "object",
                  "properties": {"f01": {"type": "string"}, "f02": {"type": "string"}, "f03": {"type": "string"}, "f04": {"type": "string"},
                    "f05": {"type": "string"}, "f06": {"type": "string"}, "f07": {"type": "string"}, "f08": {"type": "string"},
                    "f09": {"type": "string"}, "f10": {"type": "string"}, "f11": {"type": "string"}, "f12": {"type": "string"}, "f13": {"type": "string"}}
                },
                "empty": {"type": "object"}
              }
            }
          }
        }
        """;

    /// <summary>A cut-down core/v1 Service: the fields the Service rules read, shaped as the importer writes them.</summary>
    public const string Service = """
        {
          "type": "object",
          "properties": {
            "apiVersion": {"type": "string"},
            "kind": {"type": "string"},
            "metadata": {"type": "object"},
            "spec": {
              "type": "object",
              "properties": {
                "type": {"type": "string"},
                "clusterIP": {"type": "string"},
                "clusterIPs": {"type": "array", "items": {"type": "string"}, "x-kubernetes-list-type": "atomic"},
                "externalIPs": {"type": "array", "items": {"type": "string"}},
                "externalName": {"type": "string"},
                "externalTrafficPolicy": {"type": "string"},
                "internalTrafficPolicy": {"type": "string"},
                "healthCheckNodePort": {"type": "integer", "format": "int32"},
                "ipFamilies": {"type": "array", "items": {"type": "string"}},
                "ipFamilyPolicy": {"type": "string"},
                "loadBalancerClass": {"type": "string"},
                "loadBalancerSourceRanges": {"type": "array", "items": {"type": "string"}},
                "allocateLoadBalancerNodePorts": {"type": "boolean"},
                "selector": {"type": "object", "additionalProperties": {"type": "string"}},
                "sessionAffinity": {"type": "string"},
                "sessionAffinityConfig": {"type": "object", "properties": {"clientIP": {"type": "object", "properties": {"timeoutSeconds": {"type": "integer", "format": "int32"}}}}},
                "ports": {
                  "type": "array",
                  "x-kubernetes-list-type": "map",
                  "x-kubernetes-list-map-keys": ["port", "protocol"],
                  "items": {
                    "type": "object",
                    "required": ["port"],
                    "properties": {
                      "name": {"type": "string"},
                      "port": {"type": "integer", "format": "int32"},
                      "protocol": {"type": "string", "default": "TCP"},
                      "nodePort": {"type": "integer", "format": "int32"},
                      "appProtocol": {"type": "string"},
                      "targetPort": {"x-kubernetes-int-or-string": true}
                    }
                  }
                }
              }
            }
          }
        }
        """;

    public const string Secret = """
        {
          "type": "object",
          "properties": {
            "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
            "type": {"type": "string"}, "immutable": {"type": "boolean"},
            "data": {"type": "object", "additionalProperties": {"type": "string", "format": "byte"}},
            "stringData": {"type": "object", "additionalProperties": {"type": "string"}}
          }
        }
        """;

    public const string ConfigMap = """
        {
          "type": "object",
          "properties": {
            "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
            "immutable": {"type": "boolean"},
            "data": {"type": "object", "additionalProperties": {"type": "string"}},
            "binaryData": {"type": "object", "additionalProperties": {"type": "string", "format": "byte"}}
          }
        }
        """;

    public const string Namespace = """
        {"type": "object", "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
          "spec": {"type": "object", "properties": {"finalizers": {"type": "array", "items": {"type": "string"}}}}}}
        """;

    public const string Store = """
        {"type": "object", "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
          "spec": {"type": "object", "properties": {"provider": {"type": "object"}}}}}
        """;

    public static IReadOnlyList<ResourceSchema> All { get; } =
    [
        Schema("example.com", "v1", "Widget", Widget),
        Schema("example.com", "v1beta1", "Widget", null, served: false, storage: false, deprecated: true),
        Schema("example.com", "v1alpha1", "Widget", Widget, storage: false, deprecated: true, warning: "example.com/v1alpha1 Widget is deprecated; use example.com/v1"),
        Schema("example.com", "v1", "Gadget", Store, scope: ResourceScope.Cluster),
        Schema("", "v1", "Service", Service),
        Schema("", "v1", "Secret", Secret),
        Schema("", "v1", "ConfigMap", ConfigMap),
        Schema("", "v1", "Namespace", Namespace, scope: ResourceScope.Cluster),
    ];

    private static readonly ManifestValidator DefaultValidator = Validator();

    /// <summary>A registry holding the test kinds (and the cut-down ObjectMeta unless told otherwise).</summary>
    public static SchemaRegistry Registry(bool withObjectMeta = true)
    {
        var registry = SchemaRegistry.Empty;
        foreach (var schema in All) registry = registry.WithSchema(schema);
        return withObjectMeta
            ? registry.WithSchema(new ResourceSchema("meta", "v1", "ObjectMeta", ResourceScope.Namespaced, false, false, false, null, "test", Json(ObjectMeta)) { IsSharedType = true })
            : registry;
    }

    public static ManifestValidator Validator(ValidatorOptions? options = null, bool withObjectMeta = true)
        => new(Registry(withObjectMeta), options);

    public static ManifestDocument Doc(string yaml) => YamlReader.ReadAll(yaml, "test.yaml")[0];

    public static IReadOnlyList<Diagnostic> Validate(string yaml, ValidatorOptions? options = null)
        => (options is null ? DefaultValidator : Validator(options)).Validate(Doc(yaml));

    /// <summary>A Widget document with the given lines indented under spec (each line given without the spec indent).</summary>
    public static string WidgetYaml(string specBody, string apiVersion = "example.com/v1")
    {
        var indented = string.Join("\n", specBody.Split('\n').Select(l => l.Length == 0 ? l : "  " + l));
        return $"apiVersion: {apiVersion}\nkind: Widget\nmetadata:\n  name: w\n  namespace: default\nspec:\n{indented}\n";
    }

    /// <summary>Asserts two texts are equal, showing both in full when they are not.</summary>
    public static void Same(string expected, string actual)
        => Assert.True(expected == actual, $"Expected:\n{expected}\nActual:\n{actual}");

    /// <summary>Formats diagnostics one per line with rule and path, for exact comparisons.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics)
        => string.Join("\n", diagnostics.Select(d => $"{d.Rule} | {d}"));
}
