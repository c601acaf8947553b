using BenchmarkDotNet.Attributes;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Benchmarks;

/// <summary>
/// Warm validation of one typical document per kind against the embedded schemas: the schema parts the document
/// touches are compiled in the setup, so each operation is the walk alone. The target for an Application is under 50 µs.
/// Run: <c>dotnet run -c Release --project benchmarks/OkeGitOps.Manifests.Benchmarks -- --filter '*Validation*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private const string Application = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: guestbook
          namespace: argocd
          labels:
            app.kubernetes.io/part-of: platform
          finalizers:
            - resources-finalizer.argocd.argoproj.io
        spec:
          project: default
          source:
            repoURL: https://github.com/argoproj/argocd-example-apps.git
            targetRevision: HEAD
            path: guestbook
            helm:
              valueFiles: [values-prod.yaml]
              parameters:
                - name: replicas
                  value: "3"
          destination:
            server: https://kubernetes.default.svc
            namespace: guestbook
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
            syncOptions:
              - CreateNamespace=true
            retry:
              limit: 5
              backoff: {duration: 5s, factor: 2, maxDuration: 3m}
        """;

    private const string ApplicationSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: cluster-addons
          namespace: argocd
        spec:
          goTemplate: true
          generators:
            - clusters:
                selector:
                  matchLabels:
                    env: prod
          template:
            metadata:
              name: '{{.name}}-addons'
            spec:
              project: default
              source:
                repoURL: https://github.com/example/cluster-config.git
                targetRevision: main
                path: 'addons/{{.metadata.labels.region}}'
              destination:
                server: '{{.server}}'
                namespace: addons
              syncPolicy:
                automated: {prune: true, selfHeal: true}
        """;

    private const string ExternalSecret = """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: db-credentials
          namespace: production-app
        spec:
          refreshInterval: 1h
          secretStoreRef:
            name: oci-vault-store
            kind: ClusterSecretStore
          target:
            name: app-db-secret
            creationPolicy: Owner
          data:
            - secretKey: password
              remoteRef:
                key: prod-db-password
        """;

    private const string ClusterSecretStore = """
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata:
          name: oci-vault-store
        spec:
          provider:
            oracle:
              vault: ocid1.vault.oc1.iad.amaaaaaaexample
              region: us-ashburn-1
              principalType: Workload
              serviceAccountRef:
                name: eso-service-account
                namespace: external-secrets
        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: argocd-server
          namespace: argocd
          annotations:
            oci.oraclecloud.com/load-balancer-type: "lb"
            service.beta.kubernetes.io/oci-load-balancer-shape: "flexible"
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-min: "10"
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-max: "100"
        spec:
          type: LoadBalancer
          selector:
            app.kubernetes.io/name: argocd-server
          ports:
            - name: https
              port: 443
              targetPort: 8080
        """;

    private readonly ManifestValidator _validator = new(SchemaRegistry.Default);
    private ManifestDocument _application = null!;
    private ManifestDocument _applicationSet = null!;
    private ManifestDocument _externalSecret = null!;
    private ManifestDocument _clusterSecretStore = null!;
    private ManifestDocument _service = null!;

    [GlobalSetup]
    public void Setup()
    {
        _application = Warm(Application);
        _applicationSet = Warm(ApplicationSet);
        _externalSecret = Warm(ExternalSecret);
        _clusterSecretStore = Warm(ClusterSecretStore);
        _service = Warm(Service);
    }

    private ManifestDocument Warm(string yaml)
    {
        var document = YamlReader.ReadAll(yaml)[0];
        var diagnostics = _validator.Validate(document);
        if (diagnostics.Count > 0)
            throw new InvalidOperationException($"benchmark document is not valid:\n{string.Join("\n", diagnostics)}");
        return document;
    }

    [Benchmark]
    public IReadOnlyList<Diagnostic> ValidateApplication() => _validator.Validate(_application);

    [Benchmark]
    public IReadOnlyList<Diagnostic> ValidateApplicationSet() => _validator.Validate(_applicationSet);

    [Benchmark]
    public IReadOnlyList<Diagnostic> ValidateExternalSecret() => _validator.Validate(_externalSecret);

    [Benchmark]
    public IReadOnlyList<Diagnostic> ValidateClusterSecretStore() => _validator.Validate(_clusterSecretStore);

    [Benchmark]
    public IReadOnlyList<Diagnostic> ValidateService() => _validator.Validate(_service);
}
