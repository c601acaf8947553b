using BenchmarkDotNet.Attributes;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Benchmarks;

/// <summary>Reading and emitting a typical Argo CD Application document.</summary>
[MemoryDiagnoser]
public class YamlBenchmarks
{
    private const string ApplicationYaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: guestbook
          namespace: argocd
          finalizers:
            - resources-finalizer.argocd.argoproj.io
        spec:
          project: default
          source:
            repoURL: https://github.com/argoproj/argocd-example-apps.git
            targetRevision: HEAD
            path: guestbook
          destination:
            server: https://kubernetes.default.svc
            namespace: guestbook
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
            syncOptions:
              - CreateNamespace=true
        """;

    private ManifestNode _tree = null!;

    [GlobalSetup]
    public void Setup() => _tree = YamlReader.ReadAll(ApplicationYaml)[0].Root;

    [Benchmark]
    public ManifestNode ReadApplication() => YamlReader.ReadAll(ApplicationYaml)[0].Root;

    [Benchmark]
    public string EmitApplication() => YamlEmitter.Emit(_tree);
}
