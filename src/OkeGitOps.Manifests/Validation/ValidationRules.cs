namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// The rule identifiers that <see cref="ManifestValidator"/> puts in <see cref="Diagnostics.Diagnostic.Rule"/>.
/// They are stable: tools may filter or count by them.
/// </summary>
public static class ValidationRules
{
    // Document level.

    /// <summary>The document's root is not a mapping.</summary>
    public const string DocumentNotMapping = "document-not-mapping";
    /// <summary><c>apiVersion</c> is absent.</summary>
    public const string ApiVersionMissing = "api-version-missing";
    /// <summary><c>apiVersion</c> is not a non-empty string of the form <c>group/version</c> or <c>version</c>.</summary>
    public const string ApiVersionInvalid = "api-version-invalid";
    /// <summary><c>kind</c> is absent.</summary>
    public const string KindMissing = "kind-missing";
    /// <summary><c>kind</c> is not a non-empty string.</summary>
    public const string KindInvalid = "kind-invalid";
    /// <summary>No schema is known for the kind in any version of the group.</summary>
    public const string UnknownKind = "unknown-kind";
    /// <summary>The kind is known, but not in the version (or group) written.</summary>
    public const string UnknownVersion = "unknown-version";
    /// <summary>The version exists upstream but the API server does not serve it (for built-in kinds: it was removed).</summary>
    public const string VersionNotServed = "version-not-served";
    /// <summary>The version is served but deprecated upstream (a warning).</summary>
    public const string VersionDeprecated = "version-deprecated";
    /// <summary>The built-in apiVersion is served only by Kubernetes versions later than the one validated against.</summary>
    public const string VersionNotYetServed = "version-not-yet-served";
    /// <summary>A <c>kind: List</c> has no usable <c>items</c> list.</summary>
    public const string ListItemsInvalid = "list-items-invalid";

    // Structural (schema) rules.

    /// <summary>The value has the wrong JSON type.</summary>
    public const string Type = "type";
    /// <summary>The value is null where the API server refuses it, e.g. an item of a typed list.</summary>
    public const string NullNotAllowed = "null-not-allowed";
    /// <summary>A field's value is null where the schema does not take null: the API server drops it (a warning).</summary>
    public const string NullDropped = "null-dropped";
    /// <summary>A field the schema does not declare (an error when <see cref="ValidatorOptions.Strict"/>, otherwise a warning).</summary>
    public const string UnknownField = "unknown-field";
    /// <summary>A required field is absent.</summary>
    public const string Required = "required";
    /// <summary>The value is not one of the schema's <c>enum</c> values.</summary>
    public const string Enum = "enum";
    /// <summary>The string does not match the schema's <c>pattern</c>.</summary>
    public const string Pattern = "pattern";
    /// <summary>The value does not fit the schema's <c>format</c>.</summary>
    public const string Format = "format";
    /// <summary>The number is below <c>minimum</c>.</summary>
    public const string Minimum = "minimum";
    /// <summary>The number is above <c>maximum</c>.</summary>
    public const string Maximum = "maximum";
    /// <summary>The number is not a multiple of <c>multipleOf</c>.</summary>
    public const string MultipleOf = "multiple-of";
    /// <summary>The string is shorter than <c>minLength</c> (counted in Unicode code points).</summary>
    public const string MinLength = "min-length";
    /// <summary>The string is longer than <c>maxLength</c> (counted in Unicode code points).</summary>
    public const string MaxLength = "max-length";
    /// <summary>The list has fewer items than <c>minItems</c>.</summary>
    public const string MinItems = "min-items";
    /// <summary>The list has more items than <c>maxItems</c>.</summary>
    public const string MaxItems = "max-items";
    /// <summary>The object has fewer fields than <c>minProperties</c>.</summary>
    public const string MinProperties = "min-properties";
    /// <summary>The object has more fields than <c>maxProperties</c>.</summary>
    public const string MaxProperties = "max-properties";
    /// <summary>Two items of an <c>x-kubernetes-list-type: map</c> list share their key fields.</summary>
    public const string DuplicateMapListKey = "duplicate-list-map-key";
    /// <summary>Two items of an <c>x-kubernetes-list-type: set</c> (or <c>uniqueItems</c>) list are equal.</summary>
    public const string DuplicateSetItem = "duplicate-set-item";
    /// <summary>The value matches none of the <c>anyOf</c> branches.</summary>
    public const string AnyOf = "any-of";
    /// <summary>The value does not match exactly one <c>oneOf</c> branch.</summary>
    public const string OneOf = "one-of";
    /// <summary>The value matches the <c>not</c> schema.</summary>
    public const string Not = "not";
    /// <summary>The schema is <c>false</c>: no value is allowed.</summary>
    public const string NoValueAllowed = "no-value-allowed";
    /// <summary>An <c>x-kubernetes-validations</c> (CEL) rule applies here but was not evaluated (a warning, only when asked for).</summary>
    public const string CelRuleNotEvaluated = "cel-rule-not-evaluated";
    /// <summary>An embedded resource (<c>x-kubernetes-embedded-resource</c>) lacks <c>apiVersion</c> or <c>kind</c>.</summary>
    public const string EmbeddedResource = "embedded-resource";

    // Metadata (the API server's own checks).

    /// <summary><c>metadata</c> is absent.</summary>
    public const string MetadataMissing = "metadata-missing";
    /// <summary>Neither <c>metadata.name</c> nor <c>metadata.generateName</c> is set.</summary>
    public const string NameMissing = "metadata-name-missing";
    /// <summary><c>metadata.name</c> (or <c>generateName</c>) breaks the name grammar of its kind.</summary>
    public const string NameInvalid = "metadata-name-invalid";
    /// <summary><c>metadata.namespace</c> is not an RFC 1123 label.</summary>
    public const string NamespaceInvalid = "metadata-namespace-invalid";
    /// <summary><c>metadata.namespace</c> is set on a cluster-scoped kind (a warning: the API server ignores it).</summary>
    public const string NamespaceOnClusterScoped = "metadata-namespace-cluster-scoped";
    /// <summary>A label key is not a valid qualified name.</summary>
    public const string LabelKeyInvalid = "label-key-invalid";
    /// <summary>A label value is too long or holds characters labels cannot.</summary>
    public const string LabelValueInvalid = "label-value-invalid";
    /// <summary>An annotation key is not a valid qualified name.</summary>
    public const string AnnotationKeyInvalid = "annotation-key-invalid";
    /// <summary>Annotation keys and values together exceed 256 KiB.</summary>
    public const string AnnotationsTooLarge = "annotations-too-large";

    // Core kinds (checks the OpenAPI schema cannot express).

    /// <summary>Service <c>spec.type</c> is not ClusterIP, NodePort, LoadBalancer or ExternalName.</summary>
    public const string ServiceType = "service-type";
    /// <summary>Service ports: missing, or <c>port</c> outside 1..65535.</summary>
    public const string ServicePort = "service-port";
    /// <summary>Service <c>nodePort</c> out of range or on a type that allocates none.</summary>
    public const string ServiceNodePort = "service-node-port";
    /// <summary>Service <c>targetPort</c> is neither a port number nor a valid port name.</summary>
    public const string ServiceTargetPort = "service-target-port";
    /// <summary>Service port <c>protocol</c> is not TCP, UDP or SCTP.</summary>
    public const string ServiceProtocol = "service-protocol";
    /// <summary>Service port names: required when there are several ports, unique, and RFC 1123 labels.</summary>
    public const string ServicePortName = "service-port-name";
    /// <summary>Service <c>clusterIP</c>/<c>clusterIPs</c>: not an IP or <c>None</c>, or <c>None</c> on a type that needs a cluster IP.</summary>
    public const string ServiceClusterIp = "service-cluster-ip";
    /// <summary>Service <c>externalName</c>: required for ExternalName services and a DNS name.</summary>
    public const string ServiceExternalName = "service-external-name";
    /// <summary>Service <c>sessionAffinity</c> and its config.</summary>
    public const string ServiceSessionAffinity = "service-session-affinity";
    /// <summary>Service <c>externalTrafficPolicy</c> / <c>internalTrafficPolicy</c>.</summary>
    public const string ServiceTrafficPolicy = "service-traffic-policy";
    /// <summary>Service <c>ipFamilyPolicy</c> / <c>ipFamilies</c>.</summary>
    public const string ServiceIpFamily = "service-ip-family";
    /// <summary>Service fields that only LoadBalancer services may set.</summary>
    public const string ServiceLoadBalancerOnly = "service-load-balancer-only";
    /// <summary>Service <c>spec.selector</c> keys or values are not valid labels.</summary>
    public const string ServiceSelector = "service-selector";
    /// <summary>Service <c>externalIPs</c> / <c>loadBalancerSourceRanges</c> are not IPs / CIDRs.</summary>
    public const string ServiceAddress = "service-address";
    /// <summary>A ConfigMap or Secret data key breaks the key grammar, or appears in two data maps.</summary>
    public const string DataKeyInvalid = "data-key-invalid";
    /// <summary>A ConfigMap or Secret exceeds 1 MiB of data.</summary>
    public const string DataTooLarge = "data-too-large";
    /// <summary>A Secret of a built-in type lacks the keys that type requires.</summary>
    public const string SecretTypeKeys = "secret-type-keys";
    /// <summary>A Secret <c>type</c> under <c>kubernetes.io/</c> that Kubernetes does not define (a warning).</summary>
    public const string SecretTypeUnknown = "secret-type-unknown";

    // Built-in Kubernetes kinds (the API server's checks beyond the OpenAPI; see Validation/Kubernetes/).

    /// <summary>A quantity (<c>500m</c>, <c>1Gi</c>) is malformed.</summary>
    public const string QuantityInvalid = "quantity-invalid";
    /// <summary>A resource amount is negative, fractional where whole units are needed, or breaks an extended-resource rule.</summary>
    public const string ResourceQuantity = "resource-quantity";
    /// <summary>A resource request is larger than its limit.</summary>
    public const string RequestAboveLimit = "request-above-limit";
    /// <summary>An int-or-string field holds neither a valid number nor a valid name or percentage.</summary>
    public const string IntOrStringInvalid = "int-or-string-invalid";
    /// <summary>A container name is invalid, or shared by two containers of one pod.</summary>
    public const string ContainerName = "container-name";
    /// <summary>A container has no image, or one with leading or trailing spaces.</summary>
    public const string ContainerImage = "container-image";
    /// <summary>A container port is out of range, or its name is invalid or repeated.</summary>
    public const string ContainerPort = "container-port";
    /// <summary>An environment variable name (or <c>envFrom</c> prefix) is invalid.</summary>
    public const string EnvVarName = "env-var-name";
    /// <summary>An environment variable sets both <c>value</c> and <c>valueFrom</c>, or <c>valueFrom</c> has not exactly one source.</summary>
    public const string EnvVarSource = "env-var-source";
    /// <summary>A volume name is invalid or repeated, or a volume has not exactly one source.</summary>
    public const string VolumeName = "volume-name";
    /// <summary>A volume mount names no volume of the pod, or repeats a mount path.</summary>
    public const string VolumeMount = "volume-mount";
    /// <summary>A probe or lifecycle hook has not exactly one handler, or a handler field is out of range.</summary>
    public const string ProbeHandler = "probe-handler";
    /// <summary>A pod spec field (<c>dnsPolicy</c> and its <c>dnsConfig</c>) is invalid.</summary>
    public const string PodSpec = "pod-spec";
    /// <summary>A PersistentVolumeClaim (or claim template) lacks access modes or a storage request, or has an unknown mode.</summary>
    public const string ClaimSpec = "claim-spec";
    /// <summary>A pod's <c>restartPolicy</c> is not allowed for its workload.</summary>
    public const string RestartPolicy = "restart-policy";
    /// <summary>A label selector is empty where one is needed, or has a malformed requirement.</summary>
    public const string SelectorInvalid = "selector-invalid";
    /// <summary>A workload's selector does not match its pod template's labels.</summary>
    public const string SelectorMismatch = "selector-mismatch";
    /// <summary>A count or duration that must not be negative is (replicas, parallelism, revisionHistoryLimit, ...).</summary>
    public const string NegativeValue = "negative-value";
    /// <summary>A workload's update strategy is not one the server accepts, or its settings contradict each other.</summary>
    public const string UpdateStrategy = "update-strategy";
    /// <summary>A CronJob <c>schedule</c> is not valid cron syntax.</summary>
    public const string CronSchedule = "cron-schedule";
    /// <summary>A CronJob <c>timeZone</c> is not an IANA time zone name.</summary>
    public const string CronTimeZone = "cron-time-zone";
    /// <summary>A Job's completions, parallelism, completion mode or pod failure policy contradict each other.</summary>
    public const string JobSpec = "job-spec";
    /// <summary>An Ingress path is not absolute, or its <c>pathType</c> is missing or unknown.</summary>
    public const string IngressPath = "ingress-path";
    /// <summary>An Ingress backend has not exactly one of service and resource, or its service port has not exactly one of name and number.</summary>
    public const string IngressBackend = "ingress-backend";
    /// <summary>An Ingress host or TLS host is not a DNS name (a leading <c>*.</c> allowed).</summary>
    public const string IngressHost = "ingress-host";
    /// <summary>An IngressClass <c>controller</c> is not a domain-prefixed path.</summary>
    public const string IngressClassController = "ingress-class-controller";
    /// <summary>A HorizontalPodAutoscaler's replica bounds, target or metrics are invalid.</summary>
    public const string Autoscaling = "autoscaling";
    /// <summary>A PodDisruptionBudget sets both or neither of <c>minAvailable</c> and <c>maxUnavailable</c>, or a bad value.</summary>
    public const string DisruptionBudget = "disruption-budget";
    /// <summary>A NetworkPolicy port, protocol, peer or policy type is invalid.</summary>
    public const string NetworkPolicy = "network-policy";
    /// <summary>An RBAC rule lacks verbs, mixes resource and non-resource rules, or a ClusterRole aggregation is malformed.</summary>
    public const string RbacRule = "rbac-rule";
    /// <summary>A RoleBinding's <c>roleRef</c> or subject is invalid.</summary>
    public const string RoleBinding = "role-binding";
}
