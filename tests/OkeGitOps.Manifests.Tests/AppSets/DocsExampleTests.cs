using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tests.AppSets.AppSetKit;

namespace OkeGitOps.Manifests.Tests.AppSets;

/// <summary>
/// The worked examples of Argo CD's ApplicationSet documentation whose output the documentation states. Each expected
/// value is written by hand from the docs' text; where the docs contradict the controller's code, the test says so.
/// </summary>
public class DocsExampleTests
{
    private static readonly ManifestNode Staging = ClusterSecret("staging", "https://1.2.3.4", ("environment", "staging"), ("type", "staging"));
    private static readonly ManifestNode Production = ClusterSecret("production", "https://2.4.6.8", ("environment", "production"), ("type", "production"), ("use-kafka", "false"));

    [Fact]
    public void GoTemplate_basic_usage_renders_one_application_per_list_element()
    {
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: guestbook
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
              - list:
                  elements:
                  - cluster: engineering-dev
                    url: https://1.2.3.4
                  - cluster: engineering-prod
                    url: https://2.4.6.8
                  - cluster: finance-preprod
                    url: https://9.8.7.6
              template:
                metadata:
                  name: '{{.cluster}}-guestbook'
                spec:
                  project: my-project
                  source:
                    repoURL: https://github.com/infra-team/cluster-deployments.git
                    targetRevision: HEAD
                    path: guestbook/{{.cluster}}
                  destination:
                    server: '{{.url}}'
                    namespace: guestbook
            """);
        Assert.Equal("", Errors(e));
        Assert.Equal(["engineering-dev-guestbook", "engineering-prod-guestbook", "finance-preprod-guestbook"], Names(e));
        Assert.Equal(["guestbook/engineering-dev", "guestbook/engineering-prod", "guestbook/finance-preprod"], e.Applications.Select(a => Field(a, "spec.source.path")));
        Assert.Equal(["https://1.2.3.4", "https://2.4.6.8", "https://9.8.7.6"], e.Applications.Select(a => Field(a, "spec.destination.server")));
    }

    [Fact]
    public void GoTemplate_fallback_with_dig_names_the_applications_as_the_docs_say()
    {
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: guestbook
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
              - list:
                  elements:
                  - cluster: engineering-dev
                    url: https://kubernetes.default.svc
                  - cluster: engineering-prod
                    url: https://kubernetes.default.svc
                    nameSuffix: -my-name-suffix
              template:
                metadata:
                  name: '{{.cluster}}{{dig "nameSuffix" "" .}}'
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/argoproj/argo-cd.git
                    targetRevision: HEAD
                    path: applicationset/examples/list-generator/guestbook/{{.cluster}}
                  destination:
                    server: '{{.url}}'
                    namespace: guestbook
            """);
        Assert.Equal("", Errors(e));
        Assert.Equal(["engineering-dev", "engineering-prod-my-name-suffix"], Names(e));
    }

    [Theory]
    [InlineData("matchLabels:\n        env: staging")]
    [InlineData("matchExpressions:\n        - key: env\n          operator: In\n          values:\n          - staging")]
    public void Post_selector_keeps_only_the_staging_element(string selector)
    {
        var e = Expand($$$"""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: guestbook
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
              - list:
                  elements:
                    - cluster: engineering-dev
                      url: https://kubernetes.default.svc
                      env: staging
                    - cluster: engineering-prod
                      url: https://kubernetes.default.svc
                      env: prod
                selector:
                  {{{selector.Replace("\n", "\n  ", StringComparison.Ordinal)}}}
              template:
                metadata:
                  name: '{{.cluster}}-guestbook'
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/argoproj-labs/applicationset.git
                    targetRevision: HEAD
                    path: examples/list-generator/guestbook/{{.cluster}}
                  destination:
                    server: '{{.url}}'
                    namespace: guestbook
            """);
        Assert.Equal("", Errors(e));
        Assert.Equal(["engineering-dev-guestbook"], Names(e));
    }

    [Fact]
    public void Cluster_flat_list_makes_one_application_listing_every_cluster()
    {
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: flat
              namespace: argocd
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
              - clusters:
                  selector:
                    matchLabels:
                      type: 'staging'
                  flatList: true
              template:
                metadata:
                  name: 'flat-list-guestbook'
                spec:
                  project: "my-project"
                  source:
                    repoURL: https://github.com/argoproj/argocd-example-apps/
                    targetRevision: 'HEAD'
                    path: helm-guestbook
                    helm:
                      values: |
                        clusters:
                        {{- range .clusters }}
                          - name: {{ .name }}
                        {{- end }}
                  destination:
                    server: 'my-cluster'
                    namespace: guestbook
            """, WithClusters(
                ClusterSecret("cluster1", "https://c1.example", ("type", "staging")),
                ClusterSecret("cluster2", "https://c2.example", ("type", "staging"))));
        Assert.Single(e.Applications);
        Assert.Equal("flat-list-guestbook", Name(e.Applications[0]));
        Assert.Equal("clusters:\n  - name: cluster1\n  - name: cluster2\n", ((StringNode)e.Applications[0].At(NodePath.Parse("spec.source.helm.values"))!).Value);
    }

    [Fact]
    public void Cluster_values_give_staging_head_and_production_stable()
    {
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: guestbook
              namespace: argocd
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
              - clusters:
                  selector:
                    matchLabels:
                      type: 'staging'
                  values:
                    revision: HEAD
              - clusters:
                  selector:
                    matchLabels:
                      type: 'production'
                  values:
                    revision: stable
              template:
                metadata:
                  name: '{{.name}}-guestbook'
                spec:
                  project: "my-project"
                  source:
                    repoURL: https://github.com/argoproj/argocd-example-apps/
                    targetRevision: '{{.values.revision}}'
                    path: guestbook
                  destination:
                    server: '{{.server}}'
                    namespace: guestbook
            """, WithClusters(Staging, Production));
        Assert.Equal("", Errors(e));
        Assert.Equal(["staging-guestbook", "production-guestbook"], Names(e));
        Assert.Equal(["HEAD", "stable"], e.Applications.Select(a => Field(a, "spec.source.targetRevision")));
    }

    [Fact]
    public void Matrix_of_git_directories_and_clusters_gives_every_combination()
    {
        var repo = TempRepo(("applicationset/examples/matrix/cluster-addons/argo-workflows/", ""), ("applicationset/examples/matrix/cluster-addons/prometheus-operator/", ""));
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: cluster-git
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
                - matrix:
                    generators:
                      - git:
                          repoURL: https://github.com/argoproj/argo-cd.git
                          revision: HEAD
                          directories:
                            - path: applicationset/examples/matrix/cluster-addons/*
                      - clusters:
                          selector:
                            matchLabels:
                              argocd.argoproj.io/secret-type: cluster
              template:
                metadata:
                  name: '{{.path.basename}}-{{.name}}'
                spec:
                  project: '{{index .metadata.labels "environment"}}'
                  source:
                    repoURL: https://github.com/argoproj/argo-cd.git
                    targetRevision: HEAD
                    path: '{{.path.path}}'
                  destination:
                    server: '{{.server}}'
                    namespace: '{{.path.basename}}'
            """, new AppSetInput
        {
            ClusterSecrets = [Staging, Production],
            Repositories = new Dictionary<string, string> { ["https://github.com/argoproj/argo-cd.git"] = repo },
        });
        Assert.Equal("", Errors(e));
        // The docs list the four combinations; the controller iterates the first child (git) in the outer loop.
        Assert.Equal(["argo-workflows-staging", "argo-workflows-production", "prometheus-operator-staging", "prometheus-operator-production"], Names(e));
        Assert.Equal("staging", Field(e.Applications[0], "spec.project"));
        Assert.Equal("https://2.4.6.8", Field(e.Applications[1], "spec.destination.server"));
        Assert.Equal("applicationset/examples/matrix/cluster-addons/prometheus-operator", Field(e.Applications[3], "spec.source.path"));
    }

    [Fact]
    public void Matrix_parameter_override_lets_the_first_childs_values_win()
    {
        var repo = TempRepo(
            ("test/stage.values.yaml", "stageName: test\ncpuRequest: 100m\ndebugEnabled: true\n"),
            ("staging/stage.values.yaml", "stageName: staging\n"),
            ("production/stage.values.yaml", "stageName: production\nmemoryLimit: 512Mi\ndebugEnabled: false\n"),
            ("global.values.yaml", "cpuRequest: 200m\nmemoryLimit: 256Mi\ndebugEnabled: true\n"));
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: parameter-override-example
            spec:
              generators:
                - matrix:
                    generators:
                      - git:
                          repoURL: https://github.com/example/values.git
                          revision: HEAD
                          files:
                            - path: "**/stage.values.yaml"
                      - git:
                           repoURL: https://github.com/example/values.git
                           revision: HEAD
                           files:
                              - path: "global.values.yaml"
              goTemplate: true
              template:
                metadata:
                  name: '{{.stageName}}'
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/example/example-app.git
                    targetRevision: HEAD
                    path: .
                    helm:
                      values: 'stageName={{.stageName}} cpuRequest={{.cpuRequest}} memoryLimit={{.memoryLimit}} debugEnabled={{.debugEnabled}}'
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: default
            """, new AppSetInput { Repositories = new Dictionary<string, string> { ["https://github.com/example/values.git"] = repo } });
        Assert.Equal("", Errors(e));
        // Files are read in path order: production, staging, test.
        var values = e.Applications.ToDictionary(Name, a => Field(a, "spec.source.helm.values"));
        Assert.Equal("stageName=test cpuRequest=100m memoryLimit=256Mi debugEnabled=true", values["test"]);
        Assert.Equal("stageName=staging cpuRequest=200m memoryLimit=256Mi debugEnabled=true", values["staging"]);
        Assert.Equal("stageName=production cpuRequest=200m memoryLimit=512Mi debugEnabled=false", values["production"]);
        Assert.Equal(["production", "staging", "test"], Names(e));
    }

    [Fact]
    public void Two_git_generators_with_path_param_prefix_combine_each_app_with_its_targets()
    {
        var repo = TempRepo(
            ("apps/app-one.json", "{ \"appName\": \"app-one\" }"),
            ("apps/app-two.json", "{ \"appName\": \"app-two\" }"),
            ("targets/app-one/east-cluster-one.json", "{ \"region\": \"east\", \"clusterName\": \"cluster-one\" }"),
            ("targets/app-one/east-cluster-two.json", "{ \"region\": \"east\", \"clusterName\": \"cluster-two\" }"),
            ("targets/app-two/east-cluster-one.json", "{ \"region\": \"east\", \"clusterName\": \"cluster-one\" }"),
            ("targets/app-two/west-cluster-three.json", "{ \"region\": \"west\", \"clusterName\": \"cluster-three\" }"));
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: two-gits-with-path-param-prefix
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
                - matrix:
                    generators:
                      - git:
                          repoURL: https://github.com/some-org/some-repo.git
                          revision: HEAD
                          files:
                            - path: "apps/*.json"
                          pathParamPrefix: app
                      - git:
                          repoURL: https://github.com/some-org/some-repo.git
                          revision: HEAD
                          files:
                            - path: "targets/{{.appName}}/*.json"
                          pathParamPrefix: target
              template:
                metadata:
                  name: '{{.appName}}-{{.clusterName}}'
                  annotations:
                    paths: '{{.app.path.path}}/{{.app.path.filename}} {{.target.path.path}}/{{.target.path.filename}} {{.region}}'
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/some-org/some-repo.git
                    targetRevision: HEAD
                    path: '{{.target.path.path}}'
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: default
            """, new AppSetInput { Repositories = new Dictionary<string, string> { ["https://github.com/some-org/some-repo.git"] = repo } });
        Assert.Equal("", Errors(e));
        Assert.Equal(["app-one-cluster-one", "app-one-cluster-two", "app-two-cluster-one", "app-two-cluster-three"], Names(e));
        Assert.Equal("apps/app-one.json targets/app-one/east-cluster-one.json east", Field(e.Applications[0], "metadata.annotations.paths"));
        Assert.Equal("apps/app-two.json targets/app-two/west-cluster-three.json west", Field(e.Applications[3], "metadata.annotations.paths"));
    }

    [Fact]
    public void Merge_example_gives_the_final_output_the_docs_state_with_flat_parameters()
    {
        // The docs' list element sets the flat key 'values.redis', which merges into the cluster values only with
        // fasttemplate's flat parameters; this test therefore runs the example without goTemplate.
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: cluster-git
            spec:
              generators:
                - merge:
                    mergeKeys:
                      - server
                    generators:
                      - clusters:
                          values:
                            kafka: 'true'
                            redis: 'false'
                      - clusters:
                          selector:
                            matchLabels:
                              use-kafka: 'false'
                          values:
                            kafka: 'false'
                      - list:
                          elements:
                            - server: https://2.4.6.8
                              values.redis: 'true'
              template:
                metadata:
                  name: '{{name}}'
                spec:
                  project: '{{metadata.labels.environment}}'
                  source:
                    repoURL: https://github.com/argoproj/argo-cd.git
                    targetRevision: HEAD
                    path: app
                    helm:
                      parameters:
                        - name: kafka
                          value: '{{values.kafka}}'
                        - name: redis
                          value: '{{values.redis}}'
                  destination:
                    server: '{{server}}'
                    namespace: default
            """, new AppSetInput { ClusterSecrets = [Staging, Production], InClusterEnabled = false });
        Assert.Equal("", Errors(e));
        Assert.Equal(["staging", "production"], Names(e));
        // Docs: the override generator selects the cluster labelled use-kafka: 'false' (here: production).
        Assert.Equal("true", Field(e.Applications[0], "spec.source.helm.parameters[0].value"));
        Assert.Equal("false", Field(e.Applications[0], "spec.source.helm.parameters[1].value"));
        Assert.Equal("false", Field(e.Applications[1], "spec.source.helm.parameters[0].value"));
        Assert.Equal("true", Field(e.Applications[1], "spec.source.helm.parameters[1].value"));
    }

    [Fact]
    public void Git_directory_exclude_rules_win_over_include_rules()
    {
        var repo = TempRepo(("d/e/", ""), ("d/f/", ""), ("d/g/", ""), (".hidden/x/", ""));
        string Run(string directories) => string.Join(",", Names(Expand($$$"""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: dirs
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
              - git:
                  repoURL: https://example.com/repo.git
                  revision: HEAD
                  directories:
            {{{directories}}}
              template:
                metadata:
                  name: '{{.path.basename}}'
                spec:
                  project: default
                  source:
                    repoURL: https://example.com/repo.git
                    targetRevision: HEAD
                    path: '{{.path.path}}'
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: '{{.path.basename}}'
            """, new AppSetInput { Repositories = new Dictionary<string, string> { ["https://example.com/repo.git"] = repo } })));
        Assert.Equal("", Run("      - path: d/e\n        exclude: false\n      - path: d/*\n        exclude: true"));
        Assert.Equal("e", Run("      - path: d/*\n      - path: d/f\n        exclude: true\n      - path: d/g\n        exclude: true"));
        Assert.Equal("e", Run("      - path: d/*\n      - path: d/[fg]\n        exclude: true"));
        // Root of the repository: '*' matches top-level folders; hidden folders are never listed.
        Assert.Equal("d", Run("      - path: '*'"));
    }

    [Fact]
    public void Git_files_are_flattened_for_fasttemplate_and_give_path_parameters()
    {
        var repo = TempRepo(("cluster-config/engineering/dev/config.json", """
            {
              "aws_account": "123456",
              "asset_id": "11223344",
              "cluster": {
                "owner": "cluster-admin@company.com",
                "name": "engineering-dev",
                "address": "https://1.2.3.4"
              }
            }
            """));
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: guestbook
            spec:
              generators:
              - git:
                  repoURL: https://github.com/argoproj/argo-cd.git
                  revision: HEAD
                  files:
                  - path: "cluster-config/**/config.json"
              template:
                metadata:
                  name: '{{cluster.name}}-guestbook'
                  annotations:
                    params: '{{path}} {{path.basename}} {{path.filename}} {{path[0]}} {{path[2]}} {{aws_account}} {{cluster.owner}}'
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/argoproj/argo-cd.git
                    targetRevision: HEAD
                    path: "applicationset/examples/git-generator-files-discovery/apps/guestbook"
                  destination:
                    server: '{{cluster.address}}'
                    namespace: guestbook
            """, new AppSetInput { Repositories = new Dictionary<string, string> { ["https://github.com/argoproj/argo-cd.git"] = repo } });
        Assert.Equal(["engineering-dev-guestbook"], Names(e));
        Assert.Equal("cluster-config/engineering/dev dev config.json cluster-config dev 123456 cluster-admin@company.com", Field(e.Applications[0], "metadata.annotations.params"));
        Assert.Equal("https://1.2.3.4", Field(e.Applications[0], "spec.destination.server"));
    }

    [Fact]
    public void Generator_template_overrides_the_spec_template_path()
    {
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: guestbook
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
              - list:
                  elements:
                    - cluster: engineering-dev
                      url: https://kubernetes.default.svc
                      nameNormalized: engineering-dev
                      server: https://kubernetes.default.svc
                  template:
                    metadata: {}
                    spec:
                      project: "default"
                      source:
                        targetRevision: HEAD
                        repoURL: https://github.com/argoproj/argo-cd.git
                        path: 'applicationset/examples/template-override/{{ .nameNormalized }}-override'
                      destination: {}
              template:
                metadata:
                  name: '{{ .nameNormalized }}-guestbook'
                spec:
                  project: "default"
                  source:
                    repoURL: https://github.com/argoproj/argo-cd.git
                    targetRevision: HEAD
                    path: applicationset/examples/template-override/default
                  destination:
                    server: '{{ .server }}'
                    namespace: guestbook
            """);
        Assert.Equal("", Errors(e));
        Assert.Equal(["engineering-dev-guestbook"], Names(e));
        Assert.Equal("applicationset/examples/template-override/engineering-dev-override", Field(e.Applications[0], "spec.source.path"));
        Assert.Equal("https://kubernetes.default.svc", Field(e.Applications[0], "spec.destination.server"));
    }

    [Fact]
    public void Template_patch_adds_value_files_and_the_automated_sync_policy()
    {
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: guestbook
            spec:
              goTemplate: true
              generators:
              - list:
                  elements:
                    - cluster: engineering-dev
                      url: https://kubernetes.default.svc
                      autoSync: true
                      prune: true
                      nameNormalized: engineering-dev
                      server: https://kubernetes.default.svc
                      valueFiles:
                        - values.large.yaml
                        - values.debug.yaml
              template:
                metadata:
                  name: '{{ .nameNormalized }}-deployment'
                spec:
                  project: "default"
                  source:
                    repoURL: https://github.com/infra-team/cluster-deployments.git
                    targetRevision: HEAD
                    path: guestbook/{{ .nameNormalized }}
                  destination:
                    server: '{{ .server }}'
                    namespace: guestbook
              templatePatch: |
                spec:
                  source:
                    helm:
                      valueFiles:
                      {{- range $valueFile := .valueFiles }}
                        - {{ $valueFile }}
                      {{- end }}
                {{- if .autoSync }}
                  syncPolicy:
                    automated:
                      prune: {{ .prune }}
                {{- end }}
            """);
        Assert.Equal("", Errors(e));
        var app = e.Applications[0];
        Assert.Equal("- values.large.yaml\n- values.debug.yaml", Field(app, "spec.source.helm.valueFiles"));
        Assert.Equal("true", Field(app, "spec.syncPolicy.automated.prune"));
        Assert.Equal("guestbook/engineering-dev", Field(app, "spec.source.path"));
    }

    [Fact]
    public void A_generated_application_is_the_whole_manifest_argo_cd_would_create()
    {
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: guestbook
              namespace: argocd
            spec:
              generators:
              - list:
                  elements:
                  - cluster: engineering-dev
                    url: https://kubernetes.default.svc
              template:
                metadata:
                  name: '{{cluster}}-guestbook'
                spec:
                  project: "my-project"
                  source:
                    repoURL: https://github.com/argoproj/argo-cd.git
                    targetRevision: HEAD
                    path: applicationset/examples/list-generator/guestbook/{{cluster}}
                  destination:
                    server: '{{url}}'
                    namespace: guestbook
            """);
        Assert.Equal("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: engineering-dev-guestbook
              namespace: argocd
              finalizers:
              - resources-finalizer.argocd.argoproj.io
            spec:
              destination:
                namespace: guestbook
                server: https://kubernetes.default.svc
              project: my-project
              source:
                path: applicationset/examples/list-generator/guestbook/engineering-dev
                repoURL: https://github.com/argoproj/argo-cd.git
                targetRevision: HEAD

            """.Replace("\r\n", "\n", StringComparison.Ordinal), YamlEmitter.Emit(e.Applications[0]));
    }

    private static string GlobbingRepo() => TempRepo(
        ("cluster-charts/cluster1/mychart/values.yaml", "replicas: 1\n"),
        ("cluster-charts/cluster1/mychart/charts/mysubchart/values.yaml", "replicas: 2\n"),
        ("cluster-charts/cluster1/myotherchart/values.yaml", "replicas: 3\n"),
        ("cluster-charts/cluster2/README.md", "etc\n"));

    private const string GlobbingAppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: charts
        spec:
          goTemplate: true
          goTemplateOptions: ["missingkey=error"]
          generators:
          - git:
              repoURL: https://example.com/charts.git
              revision: HEAD
              files:
              - path: cluster-charts/*/*/values.yaml
          template:
            metadata:
              name: '{{.path.basename}}'
            spec:
              project: default
              source:
                repoURL: https://example.com/charts.git
                targetRevision: HEAD
                path: '{{.path.path}}'
              destination:
                server: https://kubernetes.default.svc
                namespace: default
        """;

    [Fact]
    public void Git_file_globbing_default_also_picks_the_subchart_values_and_new_globbing_does_not()
    {
        var repos = new Dictionary<string, string> { ["https://example.com/charts.git"] = GlobbingRepo() };
        // Default (greedy) globbing reads cluster-charts/*/*/values.yaml as cluster-charts/**/values.yaml, as the docs warn.
        var greedy = Expand(GlobbingAppSet, new AppSetInput { Repositories = repos });
        Assert.Equal("", Errors(greedy));
        Assert.Equal(["mysubchart", "mychart", "myotherchart"], Names(greedy));
        Assert.Equal("cluster-charts/cluster1/mychart/charts/mysubchart", Field(greedy.Applications[0], "spec.source.path"));
        // New globbing: '*' stays within one folder, so only the charts' own values files.
        var strict = Expand(GlobbingAppSet, new AppSetInput { Repositories = repos, NewGitFileGlobbing = true });
        Assert.Equal(["mychart", "myotherchart"], Names(strict));
    }

    [Fact]
    public void Merge_by_values_selector_combines_the_germany_cluster_with_the_germany_folder()
    {
        // The docs' example in the flat (fasttemplate) form its stated output uses: values.selector is a flat key there.
        var germany = ClusterSecret("germany01", "https://1.2.3.4", ("location", "Germany"), ("environment", "default"));
        var france = ClusterSecret("france01", "https://5.6.7.8", ("location", "France"), ("environment", "default"));
        var repo = TempRepo(("Germany/", ""), ("Spain/", ""));
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: cluster-git
            spec:
              generators:
              - merge:
                  mergeKeys:
                  - values.selector
                  generators:
                  - clusters:
                      values:
                        selector: '{{metadata.labels.location}}'
                  - git:
                      repoURL: https://github.com/argoproj/argocd-example-apps/
                      revision: HEAD
                      directories:
                      - path: '*'
                      values:
                        selector: '{{path}}'
              template:
                metadata:
                  name: '{{name}}'
                  annotations:
                    selector: '{{values.selector}}'
                spec:
                  project: '{{metadata.labels.environment}}'
                  source:
                    repoURL: https://github.com/argoproj/argocd-example-apps/
                    targetRevision: HEAD
                    path: '{{path}}'
                  destination:
                    server: '{{server}}'
                    namespace: default
            """, new AppSetInput
        {
            ClusterSecrets = [germany, france],
            InClusterEnabled = false,
            Repositories = new Dictionary<string, string> { ["https://github.com/argoproj/argocd-example-apps/"] = repo },
        });
        Assert.Equal("", Errors(e));
        Assert.Equal(["germany01", "france01"], Names(e));
        var app = e.Applications[0];
        Assert.Equal("https://1.2.3.4", Field(app, "spec.destination.server"));
        Assert.Equal("Germany", Field(app, "spec.source.path"));
        Assert.Equal("Germany", Field(app, "metadata.annotations.selector"));
        // France has no folder: the base set stays as the cluster generator made it, without a path.
        Assert.Equal("{{path}}", Field(e.Applications[1], "spec.source.path"));
    }

    [Fact]
    public void Matrix_feeds_the_git_files_basename_into_the_cluster_selector()
    {
        var dev = ClusterSecret("dev-cluster", "https://10.0.0.1", ("kubernetes.io/environment", "dev"));
        var prod = ClusterSecret("prod-cluster", "https://10.0.0.2", ("kubernetes.io/environment", "prod"));
        var repo = TempRepo(
            ("examples/git-generator-files-discovery/cluster-config/engineering/dev/config.json", "{}"),
            ("examples/git-generator-files-discovery/cluster-config/engineering/prod/config.json", "{}"),
            ("examples/git-generator-files-discovery/apps/guestbook/kustomization.yaml", "resources: []\n"));
        var e = Expand("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: cluster-git
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators:
                - matrix:
                    generators:
                      - git:
                          repoURL: https://github.com/argoproj/applicationset.git
                          revision: HEAD
                          files:
                            - path: "examples/git-generator-files-discovery/cluster-config/**/config.json"
                      - clusters:
                          selector:
                            matchLabels:
                              argocd.argoproj.io/secret-type: cluster
                              kubernetes.io/environment: '{{.path.basename}}'
              template:
                metadata:
                  name: '{{.name}}-guestbook'
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/argoproj/applicationset.git
                    targetRevision: HEAD
                    path: "examples/git-generator-files-discovery/apps/guestbook"
                  destination:
                    server: '{{.server}}'
                    namespace: guestbook
            """, new AppSetInput
        {
            ClusterSecrets = [dev, prod],
            Repositories = new Dictionary<string, string> { ["https://github.com/argoproj/applicationset.git"] = repo },
        });
        Assert.Equal("", Errors(e));
        // dev's config reaches only the dev cluster, prod's only the prod cluster.
        Assert.Equal(["dev-cluster-guestbook", "prod-cluster-guestbook"], Names(e));
        Assert.Equal(["https://10.0.0.1", "https://10.0.0.2"], e.Applications.Select(a => Field(a, "spec.destination.server")));
    }

    [Theory]
    [InlineData(true, "'{{.path.basenameNormalized}}'", "'{{.path.basename}}'")]
    [InlineData(false, "'{{path.basenameNormalized}}'", "'{{path.basename}}'")]
    public void Path_basename_normalized_turns_directory_2_into_directory_hyphen_2(bool goTemplate, string name, string basename)
    {
        var repo = TempRepo(("directory/directory_2/", ""));
        var e = Expand($$"""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: dirs
            spec:
              goTemplate: {{(goTemplate ? "true" : "false")}}
              generators:
              - git:
                  repoURL: https://example.com/dirs.git
                  revision: HEAD
                  directories:
                  - path: directory/*
              template:
                metadata:
                  name: {{name}}
                  annotations:
                    basename: {{basename}}
                spec:
                  project: default
                  source:
                    repoURL: https://example.com/dirs.git
                    targetRevision: HEAD
                    path: app
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: default
            """, new AppSetInput { Repositories = new Dictionary<string, string> { ["https://example.com/dirs.git"] = repo } });
        Assert.Equal("", Errors(e));
        Assert.Equal(["directory-2"], Names(e));
        Assert.Equal("directory_2", Field(e.Applications[0], "metadata.annotations.basename"));
    }
}
