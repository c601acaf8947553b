using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// RBAC (rbac.authorization.k8s.io/v1) as the API server checks it: every rule has verbs; a rule is either about
/// resources (with API groups and resources) or about non-resource URLs, never both, and a Role (namespaced) has no
/// non-resource URLs; a ClusterRole's aggregation rule has at least one valid selector. A RoleBinding refers to a
/// Role or ClusterRole in rbac.authorization.k8s.io (a ClusterRoleBinding only to a ClusterRole) by a valid name;
/// subjects are ServiceAccounts (in the core group, with a namespace where the binding has none), Users or Groups.
/// Where Kubernetes is silent: rules written beside an aggregation rule are replaced by the controller, so they
/// get a warning.
/// </summary>
internal static class RbacRules
{
    private const string RbacGroup = "rbac.authorization.k8s.io";
    private static readonly string[] SubjectKinds = ["ServiceAccount", "User", "Group"];

    public static void CheckRole(MappingNode root, bool namespaced, ValidationContext ctx)
    {
        var rules = FieldChecks.List(root, "rules");
        if (rules is not null)
        {
            ctx.Push("rules");
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i] is not MappingNode rule) continue;
                ctx.Push(i);
                CheckRule(rule, namespaced, ctx);
                ctx.Pop();
            }
            ctx.Pop();
        }
        if (namespaced || FieldChecks.Map(root, "aggregationRule") is not { } aggregation) return;
        ctx.Push("aggregationRule");
        if (FieldChecks.List(aggregation, "clusterRoleSelectors") is { Count: > 0 } selectors)
        {
            ctx.Push("clusterRoleSelectors");
            for (var i = 0; i < selectors.Count; i++)
            {
                if (selectors[i] is not MappingNode selector) continue;
                ctx.Push(i);
                if (LabelSelectorRules.IsEmpty(selector))
                    ctx.Error(ValidationRules.RbacRule, "an empty selector would aggregate every ClusterRole", selector.Location,
                        "add matchLabels, e.g. rbac.example.com/aggregate-to-admin: \"true\"");
                LabelSelectorRules.CheckSelector(selector, ctx);
                ctx.Pop();
            }
            ctx.Pop();
        }
        else
        {
            ctx.Error(ValidationRules.RbacRule, "an aggregation rule needs at least one clusterRoleSelector", aggregation.Location,
                "add clusterRoleSelectors: [{matchLabels: {...}}]");
        }
        ctx.Pop();
        if (rules is { Count: > 0 })
        {
            ctx.Push("rules");
            ctx.Warning(ValidationRules.RbacRule, "the rules of an aggregated ClusterRole are replaced by the controller with the aggregated ones", rules.Location,
                "remove rules, or remove aggregationRule");
            ctx.Pop();
        }
    }

    private static void CheckRule(MappingNode rule, bool namespaced, ValidationContext ctx)
    {
        FieldChecks.Require(rule, "verbs", ctx, "a rule needs at least one verb", "add verbs: [get, list, watch]");
        if (FieldChecks.List(rule, "nonResourceURLs") is { Count: > 0 } urls)
        {
            if (namespaced)
                FieldChecks.ErrorAt(ctx, "nonResourceURLs", ValidationRules.RbacRule, "a Role's rules cannot apply to non-resource URLs", urls, "use a ClusterRole for non-resource URLs");
            foreach (var field in (ReadOnlySpan<string>)["apiGroups", "resources", "resourceNames"])
            {
                if (FieldChecks.List(rule, field) is { Count: > 0 } list)
                    FieldChecks.ErrorAt(ctx, field, ValidationRules.RbacRule, "a rule with nonResourceURLs cannot apply to resources as well", list,
                        $"move {field} to a rule of its own");
            }
            return;
        }
        if (FieldChecks.List(rule, "apiGroups") is not { Count: > 0 })
            ctx.Error(ValidationRules.RbacRule, "a resource rule needs at least one API group", rule.Location, "add apiGroups: [\"\"] for the core group, or the group's name");
        if (FieldChecks.List(rule, "resources") is not { Count: > 0 })
            ctx.Error(ValidationRules.RbacRule, "a resource rule needs at least one resource", rule.Location, "add resources: [pods], for example");
    }

    public static void CheckBinding(MappingNode root, bool namespaced, ValidationContext ctx)
    {
        var kind = namespaced ? "RoleBinding" : "ClusterRoleBinding";
        if (FieldChecks.Map(root, "roleRef") is { } roleRef)
        {
            ctx.Push("roleRef");
            if (FieldChecks.Text(roleRef, "apiGroup") is { } group && group.Value != RbacGroup)
                FieldChecks.ErrorAt(ctx, "apiGroup", ValidationRules.RoleBinding, $"unsupported value {SchemaWalker.Quote(group.Value)}: roleRef.apiGroup must be \"{RbacGroup}\"", group,
                    $"use apiGroup: {RbacGroup}");
            string[] kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
            if (FieldChecks.Text(roleRef, "kind") is { } refKind && Array.IndexOf(kinds, refKind.Value) < 0)
            {
                var near = NearMatch.Find(refKind.Value, kinds);
                FieldChecks.ErrorAt(ctx, "kind", ValidationRules.RoleBinding,
                    namespaced ? $"unsupported value {SchemaWalker.Quote(refKind.Value)}: a RoleBinding refers to a Role or a ClusterRole"
                               : $"unsupported value {SchemaWalker.Quote(refKind.Value)}: a ClusterRoleBinding refers only to a ClusterRole",
                    refKind, near is not null ? $"did you mean \"{near}\"?" : refKind.Value == "Role" ? "use a RoleBinding to grant a Role" : null);
            }
            if (FieldChecks.Text(roleRef, "name") is { Value.Length: > 0 } name && PathSegmentProblem(name.Value) is { } problem)
                FieldChecks.ErrorAt(ctx, "name", ValidationRules.RoleBinding, $"{SchemaWalker.Quote(name.Value)} is not a role name: {problem}", name);
            else FieldChecks.Require(roleRef, "name", ctx, "the binding names its role", "add name: of the Role or ClusterRole");
            ctx.Pop();
        }
        if (FieldChecks.List(root, "subjects") is not { } subjects) return;
        ctx.Push("subjects");
        for (var i = 0; i < subjects.Count; i++)
        {
            if (subjects[i] is not MappingNode subject) continue;
            ctx.Push(i);
            var subjectKind = FieldChecks.Choice(subject, "kind", ValidationRules.RoleBinding, SubjectKinds, ctx, "a subject kind");
            FieldChecks.Require(subject, "name", ctx, "a subject needs a name", "add name:");
            var group = FieldChecks.Text(subject, "apiGroup")?.Value ?? "";
            if (subjectKind == "ServiceAccount")
            {
                if (group.Length > 0)
                    FieldChecks.ErrorAt(ctx, "apiGroup", ValidationRules.RoleBinding, $"a ServiceAccount subject is in the core group, not {SchemaWalker.Quote(group)}", subject["apiGroup"],
                        "remove apiGroup (or set it to \"\")");
                if (FieldChecks.Text(subject, "name") is { Value.Length: > 0 } saName && !NameRules.IsDns1123Subdomain(saName.Value))
                    FieldChecks.ErrorAt(ctx, "name", ValidationRules.RoleBinding, $"{SchemaWalker.Quote(saName.Value)} is not a ServiceAccount name: it must be a lowercase RFC 1123 subdomain", saName);
                if (!namespaced && FieldChecks.Text(subject, "namespace") is not { Value.Length: > 0 })
                    ctx.Error(ValidationRules.RoleBinding, "a ServiceAccount subject of a ClusterRoleBinding needs a namespace", subject.Location, "add namespace: of the ServiceAccount");
            }
            else if (subjectKind is "User" or "Group" && group != RbacGroup)
            {
                if (FieldChecks.IsSet(subject, "apiGroup"))
                    FieldChecks.ErrorAt(ctx, "apiGroup", ValidationRules.RoleBinding, $"a {subjectKind} subject's apiGroup must be \"{RbacGroup}\"", subject["apiGroup"], $"use apiGroup: {RbacGroup}");
                else
                    ctx.Error(ValidationRules.RoleBinding, $"a {subjectKind} subject's apiGroup must be \"{RbacGroup}\"", subject.Location, $"add apiGroup: {RbacGroup}");
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    /// <summary>A name that must fit in a URL path segment: not <c>.</c> or <c>..</c>, no '/' or '%'.</summary>
    private static string? PathSegmentProblem(string name)
    {
        if (name is "." or "..") return "it may not be '.' or '..'";
        if (name.Contains('/') || name.Contains('%')) return "it may not contain '/' or '%'";
        return null;
    }
}
