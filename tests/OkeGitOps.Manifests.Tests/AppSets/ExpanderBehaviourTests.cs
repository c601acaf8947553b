using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Tests.AppSets.AppSetKit;

namespace OkeGitOps.Manifests.Tests.AppSets;

/// <summary>Argo CD v3.5 behaviour the docs leave implicit, and every diagnostic the expander reports.</summary>
public class ExpanderBehaviourTests
{
    private static string AppSet(string generators, bool goTemplate = true, string name = "'{{.name}}-app'", string extraSpec = "") => $$$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: test
          namespace: argocd
        spec:
          goTemplate: {{{(goTemplate ? "true" : "false")}}}
          goTemplateOptions: ["missingkey=error"]
          generators:
        {{{generators}}}
          template:
            metadata:
              name: {{{name}}}
            spec:
              project: default
              source:
                repoURL: https://example.com/repo.git
                targetRevision: HEAD
                path: app
              destination:
                server: https://kubernetes.default.svc
                namespace: default
        {{{extraSpec}}}
        """;

    private static readonly ManifestNode Fra = ClusterSecret("oke-fra", "https://10.0.0.1:6443", ("env", "prod"));
    private static readonly ManifestNode Dev = ClusterSecret("dev_cluster", "https://10.9.0.1:6443", ("env", "dev"));

    [Fact]
    public void The_in_cluster_entry_comes_first_when_the_selector_is_empty()
    {
        var e = Expand(AppSet("  - clusters: {}"), WithClusters(Fra, Dev));
        Assert.Equal(["in-cluster-app", "oke-fra-app", "dev_cluster-app"], Names(e));
    }

    [Fact]
    public void Any_selector_leaves_out_the_in_cluster_entry_even_one_on_the_secret_type_label()
    {
        var e = Expand(AppSet("  - clusters:\n      selector:\n        matchLabels:\n          argocd.argoproj.io/secret-type: cluster"), WithClusters(Fra));
        Assert.Equal(["oke-fra-app"], Names(e));
    }

    [Fact]
    public void A_secret_for_the_local_server_replaces_the_in_cluster_entry()
    {
        var local = ClusterSecret("local", "https://kubernetes.default.svc/");
        var e = Expand(AppSet("  - clusters: {}"), WithClusters(local));
        Assert.Equal(["local-app"], Names(e));
        var disabled = Expand(AppSet("  - clusters: {}"), new AppSetInput { ClusterSecrets = [Fra], InClusterEnabled = false });
        Assert.Equal(["oke-fra-app"], Names(disabled));
    }

    [Fact]
    public void Name_normalized_and_labels_follow_the_template_mode()
    {
        var go = Expand(AppSet("  - clusters:\n      selector:\n        matchLabels:\n          env: dev", name: "'{{.nameNormalized}}-{{index .metadata.labels \"env\"}}'"), WithClusters(Dev));
        Assert.Equal(["dev-cluster-dev"], Names(go));
        var fast = Expand(AppSet("  - clusters:\n      selector:\n        matchLabels:\n          env: dev", goTemplate: false, name: "'{{nameNormalized}}-{{metadata.labels.env}}'"), WithClusters(Dev));
        Assert.Equal(["dev-cluster-dev"], Names(fast));
    }

    [Fact]
    public void Match_expressions_select_clusters()
    {
        var e = Expand(AppSet("  - clusters:\n      selector:\n        matchExpressions:\n        - key: env\n          operator: NotIn\n          values: [dev]"), WithClusters(Fra, Dev));
        Assert.Equal(["oke-fra-app"], Names(e));
    }

    [Fact]
    public void Fasttemplate_leaves_unknown_tags_as_written_and_goTemplate_without_options_prints_no_value()
    {
        var fast = Expand(AppSet("  - list:\n      elements:\n      - name: a", goTemplate: false, name: "'{{name}}-{{unknown}}'").Replace("goTemplateOptions: [\"missingkey=error\"]", "", StringComparison.Ordinal));
        Assert.Equal(["a-{{unknown}}"], Names(fast));
        var go = Expand(AppSet("  - list:\n      elements:\n      - name: a", name: "'{{.name}}-{{.unknown}}'").Replace("goTemplateOptions: [\"missingkey=error\"]", "", StringComparison.Ordinal));
        Assert.Equal(["a-<no value>"], Names(go));
    }

    [Fact]
    public void Fasttemplate_list_elements_must_be_strings()
    {
        var e = Expand(AppSet("  - list:\n      elements:\n      - name: a\n        replicas: 3", goTemplate: false, name: "'{{name}}'"));
        var d = Assert.Single(e.Diagnostics, x => x.IsError);
        Assert.Equal(AppSetRules.GeneratorError, d.Rule);
        Assert.Equal("error parsing value as string 3", d.Message);
        Assert.Equal("spec.generators[0].list.elements[0].replicas", d.Path!.ToString());
    }

    [Fact]
    public void Fasttemplate_matrix_refuses_a_key_with_two_values()
    {
        var e = Expand(AppSet("""
              - matrix:
                  generators:
                  - list:
                      elements:
                      - name: a
                  - list:
                      elements:
                      - name: b
            """, goTemplate: false, name: "'{{name}}'"));
        Assert.Equal("found duplicate key name with different value, a: a ,b: b", Assert.Single(e.Diagnostics, x => x.IsError).Message);
    }

    [Fact]
    public void Matrix_needs_exactly_two_children_and_nests_two_levels_deep_at_most()
    {
        var three = Expand(AppSet("""
              - matrix:
                  generators:
                  - list: {elements: [{name: a}]}
                  - list: {elements: [{x: b}]}
                  - list: {elements: [{y: c}]}
            """));
        Assert.Equal("there must be exactly two generators in a matrix generator (found more)", Assert.Single(three.Diagnostics, x => x.IsError).Message);
        var deep = Expand(AppSet("""
              - matrix:
                  generators:
                  - list: {elements: [{name: a}]}
                  - matrix:
                      generators:
                      - list: {elements: [{x: b}]}
                      - matrix:
                          generators:
                          - list: {elements: [{y: c}]}
                          - list: {elements: [{z: d}]}
            """));
        var d = Assert.Single(deep.Diagnostics, x => x.IsError);
        Assert.StartsWith("a matrix generator nested 3 levels deep: Argo CD allows matrix and merge generators only two levels deep", d.Message, StringComparison.Ordinal);
        var two = Expand(AppSet("""
              - matrix:
                  generators:
                  - list: {elements: [{name: a}, {name: b}]}
                  - matrix:
                      generators:
                      - list: {elements: [{x: "1"}]}
                      - list: {elements: [{y: "2"}, {y: "3"}]}
            """, name: "'{{.name}}-{{.x}}-{{.y}}'"));
        Assert.Equal(["a-1-2", "a-1-3", "b-1-2", "b-1-3"], Names(two));
    }

    [Fact]
    public void Merge_refuses_parameter_sets_that_are_not_unique_by_the_merge_keys()
    {
        var e = Expand(AppSet("""
              - merge:
                  mergeKeys: [name]
                  generators:
                  - list: {elements: [{name: a}, {name: a}]}
                  - list: {elements: [{name: a, extra: x}]}
            """));
        Assert.StartsWith("the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was {\"name\":\"a\"}",
            Assert.Single(e.Diagnostics, x => x.IsError).Message, StringComparison.Ordinal);
        var noKeys = Expand(AppSet("""
              - merge:
                  mergeKeys: []
                  generators:
                  - list: {elements: [{name: a}]}
                  - list: {elements: [{name: b}]}
            """));
        Assert.Equal("no merge keys were specified; the merge generator needs at least one", Assert.Single(noKeys.Diagnostics, x => x.IsError).Message);
    }

    [Fact]
    public void A_post_selector_that_filters_everything_out_is_a_warning()
    {
        var e = Expand(AppSet("  - list:\n      elements:\n      - name: a\n    selector:\n      matchLabels:\n        name: b"));
        Assert.Empty(e.Applications);
        var d = Assert.Single(e.Diagnostics);
        Assert.False(d.IsError);
        Assert.Equal(AppSetRules.SelectorMatchesNothing, d.Rule);
        Assert.Equal("the post-selector filters out all 1 parameter sets of the list generator, so it generates no Application", d.Message);
    }

    [Fact]
    public void A_template_that_does_not_parse_is_reported_with_gos_message()
    {
        var e = Expand(AppSet("  - list:\n      elements:\n      - name: a", name: "'{{.name'"));
        var d = Assert.Single(e.Diagnostics, x => x.IsError);
        Assert.Equal(AppSetRules.TemplateError, d.Rule);
        Assert.Equal("failed to parse template {{.name: template: :1: unclosed action", d.Message);
        Assert.Equal(15, d.Location!.Line);
    }

    [Fact]
    public void Duplicate_names_and_invalid_applications_are_errors_and_the_applications_are_still_shown()
    {
        var e = Expand(AppSet("  - list:\n      elements:\n      - name: a\n      - name: a\n      - name: Bad_Name"));
        Assert.Equal(["a-app", "a-app", "Bad_Name-app"], Names(e));
        Assert.Contains(e.Diagnostics, d => d.Rule == AppSetRules.DuplicateApplication && d.Message == "ApplicationSet test contains applications with duplicate name: a-app");
        Assert.Contains(e.Diagnostics, d => d.IsError && d.Message.StartsWith("Application 'Bad_Name-app': ", StringComparison.Ordinal) && d.Path!.ToString() == "metadata.name");
    }

    [Fact]
    public void Destinations_must_name_a_known_cluster_once_cluster_secrets_are_given()
    {
        var e = Expand(AppSet("  - clusters: {}").Replace("server: https://kubernetes.default.svc", "name: '{{.name}}'\n        server: '{{.server}}'", StringComparison.Ordinal), WithClusters(Fra));
        Assert.Contains(e.Diagnostics, d => d.Rule == AppSetRules.InvalidApplication && d.Message == "Application 'oke-fra-app': application destination spec is invalid: application destination can't have both name and server defined: oke-fra https://10.0.0.1:6443");
        var unknown = Expand(AppSet("  - list:\n      elements:\n      - name: a").Replace("server: https://kubernetes.default.svc", "name: nowhere", StringComparison.Ordinal), WithClusters(Fra));
        Assert.Contains(unknown.Diagnostics, d => d.IsError && d.Message == "Application 'a-app': application destination spec is invalid: there are no clusters with this name: nowhere");
    }

    [Fact]
    public void Preserve_resources_on_deletion_leaves_out_the_resources_finalizer()
    {
        var e = Expand(AppSet("  - list:\n      elements:\n      - name: a", extraSpec: "  syncPolicy:\n    preserveResourcesOnDeletion: true"));
        Assert.Null(e.Applications[0].At(NodePath.Parse("metadata.finalizers")));
        var f = Expand(AppSet("  - list:\n      elements:\n      - name: a"));
        Assert.Equal("- resources-finalizer.argocd.argoproj.io", Field(f.Applications[0], "metadata.finalizers"));
    }

    [Fact]
    public void Elements_yaml_adds_parameter_sets_after_the_elements()
    {
        var e = Expand(AppSet("  - list:\n      elements:\n      - name: a\n      elementsYaml: |\n        - name: b\n        - name: c"));
        Assert.Equal(["a-app", "b-app", "c-app"], Names(e));
    }

    [Fact]
    public void Cluster_values_are_templated_with_the_cluster_parameters()
    {
        var e = Expand(AppSet("  - clusters:\n      selector:\n        matchLabels:\n          env: prod\n      values:\n        suffix: '{{.name}}-{{index .metadata.labels \"env\"}}'", name: "'{{.values.suffix}}'"), WithClusters(Fra));
        Assert.Equal(["oke-fra-prod"], Names(e));
    }

    [Fact]
    public void Something_other_than_an_application_set_is_refused()
    {
        var e = Expander.Expand(ManifestNode.Map(("apiVersion", ManifestNode.String("v1")), ("kind", ManifestNode.String("Namespace"))));
        Assert.Equal("the document is not an argoproj.io/v1alpha1 ApplicationSet", Assert.Single(e.Diagnostics).Message);
        Assert.Equal(AppSetRules.NotAnApplicationSet, e.Diagnostics[0].Rule);
    }

    [Fact]
    public void A_typed_application_set_expands_like_its_tree()
    {
        var tree = OkeGitOps.Manifests.Yaml.YamlReader.ReadAll(AppSet("  - list:\n      elements:\n      - name: a"))[0].Root;
        var typed = Models.ModelRegistry.Default.Find("argoproj.io/v1alpha1", "ApplicationSet")!.FromNode(tree);
        Assert.IsType<Models.Argo.ApplicationSet>(typed);
        Assert.Equal(Names(Expander.Expand(tree)), Names(Expander.Expand(typed)));
    }

    private static ManifestNode InNamespace(ManifestNode secret, string? ns)
    {
        var m = (MappingNode)secret;
        var metadata = (MappingNode)m.GetValueOrDefault("metadata")!;
        return m.Set("metadata", ns is null ? metadata.Remove("namespace") : metadata.Set("namespace", ManifestNode.String(ns)));
    }

    [Fact]
    public void Two_cluster_secrets_with_one_name_give_one_parameter_set_the_later_secret()
    {
        var first = ClusterSecret("twin", "https://10.0.0.1:6443");
        var second = ClusterSecret("twin", "https://10.0.0.2:6443");
        var e = Expand(AppSet("  - clusters:\n      selector:\n        matchLabels:\n          argocd.argoproj.io/secret-type: cluster",
            name: "'{{.name}}-app'").Replace("server: https://kubernetes.default.svc", "server: '{{.server}}'", StringComparison.Ordinal), WithClusters(first, second));
        Assert.Equal(["twin-app"], Names(e));
        Assert.Equal("https://10.0.0.2:6443", Field(e.Applications[0], "spec.destination.server"));
        Assert.Contains(e.Diagnostics, d => !d.IsError && d.Message.Contains("two cluster Secrets have the name 'twin'", StringComparison.Ordinal));
    }

    [Fact]
    public void Cluster_secrets_outside_argo_cds_namespace_are_ignored_and_those_without_a_namespace_kept()
    {
        var there = InNamespace(ClusterSecret("there", "https://10.0.0.1:6443"), "argocd");
        var elsewhere = InNamespace(ClusterSecret("elsewhere", "https://10.0.0.2:6443"), "team-a");
        var unset = InNamespace(ClusterSecret("unset", "https://10.0.0.3:6443"), null);
        const string Selector = "  - clusters:\n      selector:\n        matchLabels:\n          argocd.argoproj.io/secret-type: cluster";
        // The ApplicationSet is in argocd: its namespace stands for Argo CD's.
        Assert.Equal(["there-app", "unset-app"], Names(Expand(AppSet(Selector), WithClusters(there, elsewhere, unset))));
        // An explicit namespace wins.
        var teamA = new AppSetInput { ClusterSecrets = [there, elsewhere, unset], ArgoCdNamespace = "team-a" };
        Assert.Equal(["elsewhere-app", "unset-app"], Names(Expand(AppSet(Selector), teamA)));
        // No namespace on the ApplicationSet and none given: argocd.
        var noNs = AppSet(Selector).Replace("  namespace: argocd\n", "", StringComparison.Ordinal);
        Assert.Equal(["there-app", "unset-app"], Names(Expand(noNs, WithClusters(there, elsewhere, unset))));
    }

    [Fact]
    public void The_server_parameter_keeps_a_trailing_slash_while_destinations_match_without_it()
    {
        var slash = ClusterSecret("slash", "https://10.0.0.9:6443/");
        var e = Expand(AppSet("  - clusters:\n      selector:\n        matchLabels:\n          argocd.argoproj.io/secret-type: cluster",
            name: "'{{.name}}-app'").Replace("server: https://kubernetes.default.svc", "server: '{{.server}}'", StringComparison.Ordinal)
            .Replace("namespace: default", "namespace: '{{.server}}'", StringComparison.Ordinal), WithClusters(slash));
        Assert.Equal("", Errors(e));
        Assert.Equal("https://10.0.0.9:6443/", Field(e.Applications[0], "spec.destination.server"));
        // The in-cluster entry is suppressed by a Secret for https://kubernetes.default.svc/ (compared trimmed).
        var local = ClusterSecret("local", "https://kubernetes.default.svc/");
        var l = Expand(AppSet("  - clusters: {}", name: "'{{.name}}'").Replace("name: '{{.name}}'", "name: '{{.name}}'\n      annotations:\n        server: '{{.server}}'", StringComparison.Ordinal), WithClusters(local));
        Assert.Equal(["local"], Names(l));
        Assert.Equal("https://kubernetes.default.svc/", Field(l.Applications[0], "metadata.annotations.server"));
    }

    private static AppSetInput Repo(string root) => new() { Repositories = new Dictionary<string, string> { ["https://example.com/cfg.git"] = root } };

    private const string FilesGenerator = "  - git:\n      repoURL: https://example.com/cfg.git\n      revision: HEAD\n      files:\n      - path: '**/*.json'";

    [Fact]
    public void A_git_file_holding_an_empty_list_gives_one_set_with_only_the_path_parameters_as_argo_cds_code_does()
    {
        // Argo CD's generator reads the file as a list and, when the list is empty, adds one empty object in its place.
        var root = TempRepo(("envs/empty.json", "[]"));
        var e = Expand(AppSet(FilesGenerator, name: "'{{.path.basename}}-{{.path.filename}}'"), Repo(root));
        Assert.Equal(["envs-empty.json"], Names(e));
    }

    [Fact]
    public void The_git_files_generator_reads_hidden_files_and_folders_but_never_dot_git()
    {
        var root = TempRepo((".github/ci.json", "{\"n\": \"ci\"}"), ("cfg/.hidden/x.json", "{\"n\": \"x\"}"), (".config/.top.json", "{\"n\": \"top\"}"),
            ("cfg/plain.json", "{\"n\": \"plain\"}"), (".git/config.json", "{\"n\": \"git\"}"));
        var e = Expand(AppSet(FilesGenerator, name: "'{{.n}}'"), Repo(root));
        // Sorted by path: .config/.top.json, .github/ci.json, cfg/.hidden/x.json, cfg/plain.json.
        Assert.Equal(["top", "ci", "x", "plain"], Names(e));
    }

    [Fact]
    public void The_git_directories_generator_still_skips_hidden_folders()
    {
        var root = TempRepo((".github/workflows/", ""), ("apps/one/", ""), ("apps/.two/", ""));
        var e = Expand(AppSet("  - git:\n      repoURL: https://example.com/cfg.git\n      revision: HEAD\n      directories:\n      - path: '*'\n      - path: '*/*'",
            name: "'{{.path.basename}}'"), Repo(root));
        Assert.Equal(["apps", "one"], Names(e));
    }

    [Fact]
    public void An_empty_map_or_list_in_a_git_file_gives_no_fasttemplate_parameter()
    {
        var root = TempRepo(("cfg/c.json", "{\"name\": \"a\", \"emptym\": {}, \"emptyl\": [], \"full\": {\"k\": \"v\"}}"));
        var e = Expand(AppSet(FilesGenerator, goTemplate: false, name: "'{{name}}'").Replace("path: app", "path: 'x{{emptym}}{{emptyl}}{{full.k}}'", StringComparison.Ordinal), Repo(root));
        Assert.Equal("", Errors(e));
        Assert.Equal("x{{emptym}}{{emptyl}}v", Field(e.Applications[0], "spec.source.path"));
    }
}
