using static OkeGitOps.Manifests.Tests.Validation.Kubernetes.BuiltInKinds;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

public class RbacRuleTests
{
    private static string Rbac(string kind, string body) => $"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: x\n  namespace: apps\n{body}\n";

    [Fact]
    public void Typical_roles_and_bindings_pass()
    {
        Same("", Findings(Rbac("Role", "rules:\n  - {apiGroups: [\"\"], resources: [configmaps], verbs: [get, list, watch]}")));
        Same("", Findings(Rbac("ClusterRole", "rules:\n  - {nonResourceURLs: [/metrics], verbs: [get]}").Replace("  namespace: apps\n", "")));
        Same("", Findings(Rbac("RoleBinding", "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n  - {kind: ServiceAccount, name: web}\n  - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: devs}")));
    }

    [Fact]
    public void A_rule_needs_verbs_groups_and_resources()
        => Same("required | test.yaml:7:5: error: rules[0]: missing required field \"verbs\": a rule needs at least one verb (add verbs: [get, list, watch])\nrbac-rule | test.yaml:7:5: error: rules[0]: a resource rule needs at least one API group (add apiGroups: [\"\"] for the core group, or the group's name)\nrequired | test.yaml:8:32: error: rules[1].verbs: verbs may not be empty: a rule needs at least one verb (add verbs: [get, list, watch])\nrbac-rule | test.yaml:8:5: error: rules[1]: a resource rule needs at least one resource (add resources: [pods], for example)", Findings(Rbac("Role", "rules:\n  - {resources: [pods]}\n  - {apiGroups: [apps], verbs: []}")));

    [Fact]
    public void A_role_has_no_non_resource_urls_and_rules_do_not_mix_them_with_resources()
        => Same("rbac-rule | test.yaml:7:23: error: rules[0].nonResourceURLs: a Role's rules cannot apply to non-resource URLs (use a ClusterRole for non-resource URLs)\nrbac-rule | test.yaml:7:46: error: rules[0].resources: a rule with nonResourceURLs cannot apply to resources as well (move resources to a rule of its own)", Findings(Rbac("Role", "rules:\n  - {nonResourceURLs: [/healthz], resources: [pods], verbs: [get]}")));

    [Fact]
    public void A_cluster_role_aggregation_needs_selectors_and_replaces_rules()
        => Same("rbac-rule | test.yaml:7:7: error: aggregationRule.clusterRoleSelectors[0]: an empty selector would aggregate every ClusterRole (add matchLabels, e.g. rbac.example.com/aggregate-to-admin: \"true\")\nselector-invalid | test.yaml:8:21: error: aggregationRule.clusterRoleSelectors[1].matchLabels[\"bad key\"]: invalid label key \"bad key\": the name part may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit\nrbac-rule | test.yaml:10:3: warning: rules: the rules of an aggregated ClusterRole are replaced by the controller with the aggregated ones (remove rules, or remove aggregationRule)", Findings(Rbac("ClusterRole", "aggregationRule:\n  clusterRoleSelectors:\n    - {}\n    - matchLabels: {bad key: x}\nrules:\n  - {apiGroups: [\"\"], resources: [pods], verbs: [get]}").Replace("  namespace: apps\n", "")));

    [Fact]
    public void A_role_binding_refers_to_a_Role_or_ClusterRole_in_the_rbac_group()
        => Same("role-binding | test.yaml:6:21: error: roleRef.apiGroup: unsupported value \"rbac.authorization.k8s.io/v1\": roleRef.apiGroup must be \"rbac.authorization.k8s.io\" (use apiGroup: rbac.authorization.k8s.io)\nrole-binding | test.yaml:6:57: error: roleRef.kind: unsupported value \"Rol\": a RoleBinding refers to a Role or a ClusterRole (did you mean \"Role\"?)\nrole-binding | test.yaml:6:68: error: roleRef.name: \"a/b\" is not a role name: it may not contain '/' or '%'", Findings(Rbac("RoleBinding", "roleRef: {apiGroup: rbac.authorization.k8s.io/v1, kind: Rol, name: a/b}\nsubjects: []")));

    [Fact]
    public void A_cluster_role_binding_refers_only_to_a_ClusterRole()
        => Same("role-binding | test.yaml:5:54: error: roleRef.kind: unsupported value \"Role\": a ClusterRoleBinding refers only to a ClusterRole (use a RoleBinding to grant a Role)\nrole-binding | test.yaml:7:5: error: subjects[0]: a ServiceAccount subject of a ClusterRoleBinding needs a namespace (add namespace: of the ServiceAccount)", Findings(Rbac("ClusterRoleBinding", "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n  - {kind: ServiceAccount, name: web}").Replace("  namespace: apps\n", "")));

    [Fact]
    public void Subjects_are_checked_by_kind()
        => Same("role-binding | test.yaml:8:38: error: subjects[0].apiGroup: a ServiceAccount subject is in the core group, not \"rbac.authorization.k8s.io\" (remove apiGroup (or set it to \"\"))\nrole-binding | test.yaml:8:71: error: subjects[0].name: \"Web\" is not a ServiceAccount name: it must be a lowercase RFC 1123 subdomain\nrole-binding | test.yaml:9:5: error: subjects[1]: a User subject's apiGroup must be \"rbac.authorization.k8s.io\" (add apiGroup: rbac.authorization.k8s.io)\nrole-binding | test.yaml:10:12: error: subjects[2].kind: unsupported value \"Robot\" for a subject kind: must be one of \"ServiceAccount\", \"User\", \"Group\"", Findings(Rbac("RoleBinding", "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n  - {kind: ServiceAccount, apiGroup: rbac.authorization.k8s.io, name: Web}\n  - {kind: User, name: alice}\n  - {kind: Robot, name: r2}")));
}
