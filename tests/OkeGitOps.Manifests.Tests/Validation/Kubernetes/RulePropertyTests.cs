using FsCheck;
using FsCheck.Fluent;
using OkeGitOps.Manifests.Tests.Yaml;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Tests.Validation.Kubernetes.BuiltInKinds;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

/// <summary>
/// Valid documents of every kind the rules cover pass; the same documents with any node replaced by an arbitrary
/// tree never make the rules throw, give the same findings every time, and every finding points at a node that exists.
/// </summary>
public class RulePropertyTests
{
    private static readonly string[] ValidDocuments =
    [
        Container("ports: [{name: http, containerPort: 8080}]\nenv: [{name: A, value: b}, {name: S, valueFrom: {secretKeyRef: {name: s, key: k}}}]\nresources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}\nreadinessProbe: {httpGet: {path: /, port: http}}\nlifecycle: {preStop: {sleep: {seconds: 3}}}\nvolumeMounts: [{name: tmp, mountPath: /tmp}]")
            .Replace("    spec:\n      containers:", "    spec:\n      volumes: [{name: tmp, emptyDir: {sizeLimit: 1Gi}}]\n      containers:")
            .Replace("spec:\n  selector:", "spec:\n  replicas: 2\n  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}\n  selector:"),
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: pg, volumeMounts: [{name: data, mountPath: /d}]}]\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n",
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}\n  selector: {matchExpressions: [{key: app, operator: In, values: [d]}]}\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers: [{name: d, image: d}]\n",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '*/5 * * * *'\n  timeZone: Etc/UTC\n  jobTemplate:\n    spec:\n      backoffLimit: 2\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: c, image: c, livenessProbe: {exec: {command: [true]}}}]\n",
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  tls: [{hosts: [a.example.com]}]\n  rules:\n    - host: a.example.com\n      http:\n        paths:\n          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 5\n  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}]\n",
        "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n",
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n  ingress: [{from: [{podSelector: {matchLabels: {a: b}}}], ports: [{port: 80, endPort: 90}]}]\n",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: r}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects: [{kind: ServiceAccount, name: s}]\n",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules: [{apiGroups: [''], resources: [pods], verbs: [get]}]\n",
        "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits: [{type: Container, min: {cpu: 10m}, default: {cpu: 500m}, max: {cpu: '2'}}]\n",
    ];

    [Fact]
    public void Every_valid_sample_passes()
    {
        foreach (var yaml in ValidDocuments) TestSchemas.Same("", Findings(yaml));
    }

    private static IEnumerable<NodePath> Paths(ManifestNode node, NodePath path)
    {
        yield return path;
        switch (node)
        {
            case MappingNode m:
                foreach (var e in m.Entries)
                    foreach (var p in Paths(e.Value, path.Key(e.Key))) yield return p;
                break;
            case SequenceNode s:
                for (var i = 0; i < s.Count; i++)
                    foreach (var p in Paths(s[i], path.Index(i))) yield return p;
                break;
        }
    }

    private static ManifestNode Replace(ManifestNode node, IReadOnlyList<object> segments, int at, ManifestNode value)
    {
        if (at == segments.Count) return value;
        return (node, segments[at]) switch
        {
            (MappingNode m, string key) => m.Set(key, Replace(m[key], segments, at + 1, value)),
            (SequenceNode s, int i) => s.SetItem(i, Replace(s[i], segments, at + 1, value)),
            _ => node,
        };
    }

    [Fact]
    public void Any_node_replaced_by_any_tree_gives_stable_findings_that_point_at_real_nodes()
    {
        var documents = ValidDocuments.Select(y => TestSchemas.Doc(y).Root).ToArray();
        var mutated =
            from doc in Gen.Elements(documents)
            from path in Gen.Elements(Paths(doc, NodePath.Root).Where(p => p.Segments.Count > 1 || p.LastKey is "spec" or "rules" or "subjects" or "roleRef").ToArray())
            from value in Gen.OneOf(ManifestTreeGen.Scalar, ManifestTreeGen.Node(2, 3), Gen.Constant<ManifestNode>(MappingNode.Empty), Gen.Constant<ManifestNode>(SequenceNode.Empty))
            select Replace(doc, path.Segments, 0, value);
        var property = Prop.ForAll(Arb.From(mutated), root =>
        {
            var first = Validate(root);
            var second = Validate(root);
            if (!first.SequenceEqual(second)) return false;
            foreach (var d in first)
            {
                if (d.Path is null || root.At(d.Path) is null) throw new InvalidOperationException($"{d} points at nothing");
            }
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true), property);
    }
}
