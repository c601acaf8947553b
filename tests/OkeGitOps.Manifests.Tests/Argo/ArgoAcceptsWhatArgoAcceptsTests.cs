using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation.Argo;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tests.Eso.IntentAssert;

namespace OkeGitOps.Manifests.Tests.Argo;

/// <summary>The Argo CD helpers take templated values, globs and ref-only sources, and refuse what Argo CD's server refuses; validate does the same.</summary>
public class ArgoAcceptsWhatArgoAcceptsTests
{
    private const string Repo = "https://git.example.com/platform/gitops.git";

    [Fact]
    public void Validate_refuses_an_application_destination_with_neither_server_nor_name()
    {
        var found = Validate("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: payments, namespace: argocd}
            spec:
              project: default
              source: {repoURL: 'https://git.example.com/x.git', path: ., targetRevision: main}
              destination: {namespace: payments}
            """);
        Assert.Equal(["argo-destination | p.yaml:7:16: error: spec.destination: the destination names neither a server nor a cluster name; Argo CD cannot tell where to deploy (add server: https://kubernetes.default.svc (or the cluster's URL), or name: <cluster name>)"], found);
    }

    [Fact]
    public void Validate_refuses_a_value_file_from_a_source_ref_the_application_does_not_have()
    {
        var found = Validate("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: payments, namespace: argocd}
            spec:
              project: default
              sources:
              - {repoURL: 'https://charts.example.com', chart: payments, targetRevision: 1.2.0, helm: {valueFiles: [$values/prod.yaml, $config/extra.yaml]}}
              - {repoURL: 'https://git.example.com/values.git', targetRevision: main, ref: values}
              destination: {server: 'https://kubernetes.default.svc', namespace: payments}
            """);
        Assert.Equal(["argo-value-file-ref | p.yaml:7:124: error: spec.sources[0].helm.valueFiles[1]: the value file '$config/extra.yaml' reads from the source named 'config', but no source of this Application has ref: config; Argo CD cannot render it (use one of the refs the sources declare: $values)"], found);
    }

    [Fact]
    public void Validate_refuses_bad_and_duplicate_role_names_and_anything_a_project_lists_twice()
    {
        var found = Validate("""
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata: {name: payments, namespace: argocd}
            spec:
              sourceRepos: ['https://git.example.com/a.git', 'https://git.example.com/a.git']
              destinations:
              - {server: 'https://kubernetes.default.svc', namespace: payments}
              - {server: 'https://kubernetes.default.svc', namespace: payments}
              roles:
              - name: Bad Role!
              - name: deployer
                policies:
                - p, proj:payments:deployer, applications, sync, payments/*, allow
                - p, proj:payments:deployer, applications, sync, payments/*, allow
              - name: deployer
            """);
        Assert.Equal([
            "argo-project-role | p.yaml:10:11: error: spec.roles[0].name: Argo CD refuses this project: role name 'Bad Role!' is not one Argo CD takes: letters, digits, '-' and '_', starting and ending with a letter or digit (e.g. 'deployer' or 'read-only')",
            "argo-role-policy | p.yaml:14:7: error: spec.roles[1].policies[1]: Argo CD refuses this project: the policy is listed twice in role 'deployer' (remove the second copy)",
            "argo-project-role | p.yaml:15:11: error: spec.roles[2].name: Argo CD refuses this project: role 'deployer' is defined twice (also roles[1]) (merge the two roles, or rename one)",
            "argo-destination | p.yaml:8:5: error: spec.destinations[1]: Argo CD refuses this project: destination 'https://kubernetes.default.svc/payments' is listed twice (remove the second copy)",
            "argo-project-role | p.yaml:5:50: error: spec.sourceRepos[1]: Argo CD refuses this project: source repository 'https://git.example.com/a.git' is listed twice (remove the second copy)",
        ], found);
    }

    [Fact]
    public void The_role_helper_refuses_names_argo_cd_refuses_and_a_role_defined_twice()
    {
        Assert.StartsWith("argo-project-role | error: spec.roles[0].name: role name 'Bad_' is not one Argo CD takes",
            Fails(() => ArgoProjects.LeastPrivilege("p").AddRole("Bad_", ("applications", "sync", "*", true))), StringComparison.Ordinal);
        Assert.StartsWith("argo-project-role | error: spec.roles[1].name: role 'r' is already defined",
            Fails(() => ArgoProjects.LeastPrivilege("p").AddRole("r", ("applications", "sync", "*", true)).AddRole("r", ("applications", "get", "*", true))), StringComparison.Ordinal);
        Assert.StartsWith("argo-sync-window | error: spec.syncWindows[0]: 7 is not an ArgoSyncWindowKind",
            Fails(() => ArgoProjects.LeastPrivilege("p").AddSyncWindow((ArgoSyncWindowKind)7, "0 22 * * *", "1h", ["*"])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{.name}}", "payments-{{.path.basename}}")]
    [InlineData("{{name}}", "{{ .metadata.labels.team }}")]
    public void Destinations_take_templated_values_for_applicationset_templates(string cluster, string ns)
    {
        var destination = ArgoDestinations.Cluster(cluster, ns);
        Assert.Equal(ns, destination.Namespace);
        Assert.Equal("{{ .server }}", ArgoDestinations.Server("{{ .server }}", ns).Server);
    }

    [Fact]
    public void Name_rules_apply_to_the_text_around_a_template()
    {
        Assert.Equal(
            "k8s-name | error: spec.destination.namespace: 'Payments_{{.x}}' cannot render to a valid namespace: the text around the templates must be lowercase letters, digits and '-' (e.g. 'payments-{{.path.basename}}')",
            Fails(() => ArgoDestinations.Cluster("{{.name}}", "Payments_{{.x}}")));
        Assert.StartsWith("k8s-name | error: spec.destination.namespace: 'payments-{{.x' has a '{{' without its '}}'",
            Fails(() => ArgoDestinations.Cluster("{{.name}}", "payments-{{.x")), StringComparison.Ordinal);
        Assert.StartsWith("k8s-name | error: spec.destination.namespace: 'Payments' is not a valid namespace",
            Fails(() => ArgoDestinations.Cluster("oke", "Payments")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_takes_globs_and_negations_as_argo_cd_does()
    {
        var project = ArgoProjects.LeastPrivilege("payments")
            .AllowSourceRepos("https://git.example.com/payments/*", "!https://git.example.com/payments/secret-stuff.git")
            .AllowDestinations(ArgoDestinations.Matching("oke-*", "payments-*"), ArgoDestinations.Matching("oke-fra", "!kube-system"))
            .AllowSourceNamespaces("team-*", "!team-legacy")
            .AllowClusterResources(("rbac.authorization.k8s.io", "Cluster*"));
        var yaml = Emitted(project);
        Assert.Contains("- name: oke-*\n    namespace: payments-*\n", yaml, StringComparison.Ordinal);
        Assert.Contains("namespace: '!kube-system'", yaml, StringComparison.Ordinal);
        Assert.Contains("sourceNamespaces:\n  - team-*\n  - '!team-legacy'", yaml, StringComparison.Ordinal);
        Assert.Contains("'!https://git.example.com/payments/secret-stuff.git'", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(new ManifestChecks(SchemaRegistry.Default).Check(new ManifestDocument(project.ToNode())), d => d.IsError);
        Assert.StartsWith("argo-project-wildcard | error: spec.sourceNamespaces[0]: a least-privilege project does not allow the wildcard source namespace '*'",
            Fails(() => ArgoProjects.LeastPrivilege("p").AllowSourceNamespaces("*")), StringComparison.Ordinal);
        Assert.StartsWith("k8s-name | error: spec.destinations[0].namespace: 'Payments_*' is not a namespace or a glob over namespaces",
            Fails(() => ArgoProjects.LeastPrivilege("p").AllowDestinations(ArgoDestinations.Server(ArgoDestinations.InClusterServer, "payments")
                with { Namespace = "Payments_*" })), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ref_only_source_has_a_ref_and_no_path()
    {
        var source = ArgoSources.Ref(Repo, "values", "main");
        Assert.Equal("ref: values\nrepoURL: https://git.example.com/platform/gitops.git\ntargetRevision: main\n", YamlEmitter.Emit(source.ToNode()));
        Assert.Null(source.Path);
    }

    [Fact]
    public void Sync_windows_are_checked_as_argo_cd_checks_them_in_the_helper()
    {
        var project = ArgoProjects.LeastPrivilege("payments").AddSyncWindow(ArgoSyncWindowKind.Deny, "0 22 * * 1-5", "8h", applications: ["*"], timeZone: "Europe/Berlin");
        Assert.Contains("syncWindows:\n  - applications:\n    - '*'\n    duration: 8h\n    kind: deny\n    schedule: 0 22 * * 1-5\n    timeZone: Europe/Berlin", Emitted(project), StringComparison.Ordinal);
        Assert.Equal(
            "argo-sync-window | error: spec.syncWindows[0]: schedule '0 25 * * *' is not cron syntax: hour field '25': '25' is not a hour from 0 to 23 (e.g. AddSyncWindow(ArgoSyncWindowKind.Deny, \"0 22 * * *\", \"8h\"))",
            Fails(() => ArgoProjects.LeastPrivilege("p").AddSyncWindow(ArgoSyncWindowKind.Deny, "0 25 * * *", "1h", applications: ["*"])));
        Assert.StartsWith("argo-sync-window | error: spec.syncWindows[0]: duration '1 hour' is not a Go duration",
            Fails(() => ArgoProjects.LeastPrivilege("p").AddSyncWindow(ArgoSyncWindowKind.Allow, "@daily", "1 hour", applications: ["*"])), StringComparison.Ordinal);
    }

    [Fact]
    public void Role_policies_are_written_and_checked_as_argo_cd_checks_them_in_the_helper()
    {
        var project = ArgoProjects.LeastPrivilege("payments").AddRole("deployer", ("applications", "sync", "*", true), ("applications", "delete", "payments-api", false));
        Assert.Contains("- p, proj:payments:deployer, applications, sync, payments/*, allow\n", Emitted(project), StringComparison.Ordinal);
        Assert.Contains("- p, proj:payments:deployer, applications, delete, payments/payments-api, deny\n", Emitted(project), StringComparison.Ordinal);
        Assert.StartsWith("argo-role-policy | error: spec.roles[0].policies[0]: Argo CD refuses this policy: 'synk' is not an Argo CD action",
            Fails(() => ArgoProjects.LeastPrivilege("p").AddRole("r", ("applications", "synk", "*", true))), StringComparison.Ordinal);
        Assert.StartsWith("argo-role-policy | error: spec.roles[0].policies[0]: Argo CD refuses this policy: 'secrets' is not a resource a project role can name",
            Fails(() => ArgoProjects.LeastPrivilege("p").AddRole("r", ("secrets", "get", "*", true))), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Validate(string yaml)
        => [.. new ManifestChecks(SchemaRegistry.Default).Check(YamlReader.ReadAll(yaml, "p.yaml")[0]).Where(d => d.Rule.StartsWith("argo-", StringComparison.Ordinal)).Select(d => $"{d.Rule} | {d}")];

    [Fact]
    public void Validate_refuses_a_sync_window_of_kind_block_and_a_bad_schedule_and_duration()
    {
        var found = Validate("""
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata: {name: payments, namespace: argocd}
            spec:
              syncWindows:
              - {kind: block, schedule: '0 22 * * *', duration: 1h, applications: ['*']}
              - {kind: deny, schedule: '0 22 * *', duration: 1h, applications: ['*']}
              - {kind: allow, schedule: '@daily', duration: 1d, applications: ['*']}
              - {kind: allow, schedule: '*/15 9-17 ? JAN-MAR MON-FRI', duration: 1h30m, applications: ['*']}
            """);
        Assert.Equal(
        [
            "argo-sync-window | p.yaml:6:12: error: spec.syncWindows[0].kind: kind 'block' is not a sync window kind: it is 'allow' or 'deny' (use kind: allow or kind: deny)",
            "argo-sync-window | p.yaml:7:28: error: spec.syncWindows[1].schedule: schedule '0 22 * *' is not cron syntax: a schedule has 5 fields (minute hour day-of-month month day-of-week), this one has 4 (e.g. '0 22 * * *' for 22:00 every day)",
            "argo-sync-window | p.yaml:8:49: error: spec.syncWindows[2].duration: duration '1d' is not a Go duration (a number and a unit, h, m, s, ms, us or ns, repeated: '1h30m') (e.g. '1h' or '30m')",
        ], found);
    }

    [Fact]
    public void Validate_refuses_a_role_policy_with_the_action_synk_and_a_wrong_subject()
    {
        var found = Validate("""
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata: {name: payments, namespace: argocd}
            spec:
              roles:
              - name: deployer
                policies:
                - p, proj:payments:deployer, applications, synk, payments/*, allow
                - p, proj:other:deployer, applications, sync, payments/*, allow
                - p, proj:payments:deployer, applications, action/apps/Deployment/restart, payments/*, allow
                - p, proj:payments:deployer, applications, sync, payments/*, allow
            """);
        Assert.Equal(2, found.Count);
        Assert.StartsWith("argo-role-policy | p.yaml:8:7: error: spec.roles[0].policies[0]: Argo CD refuses this policy: 'synk' is not an Argo CD action", found[0], StringComparison.Ordinal);
        Assert.StartsWith("argo-role-policy | p.yaml:9:7: error: spec.roles[0].policies[1]: Argo CD refuses this policy: the subject is 'proj:other:deployer', but in role 'deployer' of project 'payments' it must be 'proj:payments:deployer'", found[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_a_destination_with_both_server_and_name()
    {
        var found = Validate("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: payments, namespace: argocd}
            spec:
              project: default
              source: {repoURL: 'https://git.example.com/x.git', path: ., targetRevision: main}
              destination: {server: 'https://kubernetes.default.svc', name: in-cluster, namespace: payments}
            """);
        Assert.Equal(["argo-destination | p.yaml:7:16: error: spec.destination: the destination names both server 'https://kubernetes.default.svc' and cluster 'in-cluster'; Argo CD refuses that (keep one of server and name)"], found);
    }

    [Theory]
    [InlineData("0 22 * * *")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 0 1,15 * SUN")]
    [InlineData("@every 1h30m")]
    [InlineData("@hourly")]
    public void Cron_schedules_argo_cd_reads_pass(string schedule) => Assert.Null(ArgoServerRules.SyncWindowProblem("allow", schedule, "1h"));

    [Theory]
    [InlineData("60 * * * *")]
    [InlineData("* * 0 * *")]
    [InlineData("* * * 13 *")]
    [InlineData("5-1 * * * *")]
    [InlineData("@sometimes")]
    [InlineData("*/0 * * * *")]
    public void Cron_schedules_argo_cd_refuses_fail(string schedule) => Assert.NotNull(ArgoServerRules.SyncWindowProblem("allow", schedule, "1h"));
}
