namespace OkeGitOps.Manifests.Tests.Schemas;

/// <summary>Small hand-written CRDs and OpenAPI documents for importer, registry and CLI tests.</summary>
public static class SampleCrds
{
    /// <summary>A Widget CRD: served v1 with prose, a property named description, x-kubernetes-* keys and CEL rules; unserved v1beta1.</summary>
    public const string Widget = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          names:
            kind: Widget
            listKind: WidgetList
            plural: widgets
            singular: widget
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  description: A widget, in upstream words.
                  title: Widget
                  type: object
                  properties:
                    apiVersion:
                      description: Upstream prose.
                      type: string
                    kind:
                      type: string
                    metadata:
                      type: object
                    spec:
                      description: The spec.
                      externalDocs:
                        url: https://example.com
                      type: object
                      required: [size]
                      x-kubernetes-validations:
                        - rule: self.size <= 10
                          message: size must be at most 10
                      properties:
                        description:
                          description: A field that is called description.
                          type: string
                          maxLength: 255
                        size:
                          type: integer
                          minimum: 1
                          default: 3
                        port:
                          x-kubernetes-int-or-string: true
                          anyOf:
                            - type: integer
                            - type: string
                        labels:
                          type: object
                          additionalProperties:
                            type: string
                          x-kubernetes-map-type: granular
                        entries:
                          type: array
                          x-kubernetes-list-type: map
                          x-kubernetes-list-map-keys: [name]
                          items:
                            type: object
                            required: [name]
                            properties:
                              name:
                                type: string
                                example: foo
                                pattern: ^[a-z]+$
                        template:
                          type: object
                          x-kubernetes-preserve-unknown-fields: true
                          x-kubernetes-embedded-resource: true
                          default:
                            description: data, not prose
                        mode:
                          type: string
                          enum: ["on", "off"]
            - name: v1beta1
              served: false
              storage: false
              deprecated: true
              deprecationWarning: example.com/v1beta1 Widget is deprecated; use example.com/v1
              schema:
                openAPIV3Schema:
                  type: object
        """;

    /// <summary>A cluster-scoped Gadget CRD with one version and a tiny schema.</summary>
    public const string Gadget = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.example.com
        spec:
          group: example.com
          names:
            kind: Gadget
            plural: gadgets
          scope: Cluster
          versions:
            - name: v1alpha1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        color:
                          type: string
        """;

    /// <summary>A small OpenAPI v3 document in the shape Kubernetes publishes.</summary>
    public const string OpenApi = """
        {
          "openapi": "3.0.0",
          "components": {
            "schemas": {
              "io.k8s.api.core.v1.Thing": {
                "description": "A thing.",
                "type": "object",
                "properties": {
                  "apiVersion": { "type": "string", "description": "prose" },
                  "kind": { "type": "string" },
                  "metadata": {
                    "allOf": [ { "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" } ],
                    "default": {},
                    "description": "Standard metadata."
                  },
                  "spec": { "allOf": [ { "$ref": "#/components/schemas/io.k8s.api.core.v1.ThingSpec" } ], "default": {} }
                },
                "x-kubernetes-group-version-kind": [ { "group": "", "kind": "Thing", "version": "v1" } ]
              },
              "io.k8s.api.core.v1.ThingSpec": {
                "type": "object",
                "properties": {
                  "port": { "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString" },
                  "size": { "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity" },
                  "since": { "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time" },
                  "parent": { "$ref": "#/components/schemas/io.k8s.api.core.v1.ThingSpec" },
                  "fields": { "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1" }
                }
              },
              "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": {
                "type": "object",
                "properties": {
                  "name": { "type": "string", "description": "The name." },
                  "labels": { "type": "object", "additionalProperties": { "type": "string", "default": "" } }
                }
              },
              "io.k8s.apimachinery.pkg.util.intstr.IntOrString": { "format": "int-or-string", "oneOf": [ { "type": "integer" }, { "type": "string" } ] },
              "io.k8s.apimachinery.pkg.api.resource.Quantity": { "type": "string" },
              "io.k8s.apimachinery.pkg.apis.meta.v1.Time": { "type": "string", "format": "date-time", "description": "Time." },
              "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": { "type": "object" }
            }
          }
        }
        """;
}
