using static OkeGitOps.Manifests.Tests.Validation.Kubernetes.BuiltInKinds;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

/// <summary>HorizontalPodAutoscaler, PodDisruptionBudget and NetworkPolicy.</summary>
public class PolicyRuleTests
{
    private static string Kind(string apiVersion, string kind, string spec) => $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: x\nspec:\n{Indent(spec, 2)}\n";

    private static string Hpa(string spec) => Kind("autoscaling/v2", "HorizontalPodAutoscaler", "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n" + spec);

    [Fact]
    public void A_typical_autoscaler_passes()
        => Same("", Findings(Hpa("minReplicas: 2\nmaxReplicas: 10\nmetrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n  - type: Pods\n    pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: 100m}}\nbehavior:\n  scaleDown: {stabilizationWindowSeconds: 300, policies: [{type: Percent, value: 50, periodSeconds: 60}]}")));

    [Fact]
    public void Min_replicas_may_not_exceed_max_replicas()
        => Same("autoscaling | test.yaml:7:16: error: spec.minReplicas: minReplicas (5) must not be greater than maxReplicas (3) (raise maxReplicas to at least 5, or lower minReplicas)", Findings(Hpa("minReplicas: 5\nmaxReplicas: 3")));

    [Fact]
    public void Replica_bounds_are_at_least_one()
        => Same("autoscaling | test.yaml:8:16: error: spec.maxReplicas: maxReplicas must be at least 1, got 0\nautoscaling | test.yaml:7:16: error: spec.minReplicas: minReplicas must be at least 1, got 0 (remove minReplicas (it defaults to 1); scaling to zero needs the HPAScaleToZero feature gate)", Findings(Hpa("minReplicas: 0\nmaxReplicas: 0")));

    [Fact]
    public void A_metric_sets_the_block_its_type_names_and_a_matching_target()
        => Same("autoscaling | test.yaml:10:13: error: spec.metrics[0].pods: pods may only be set when type is Pods, not Resource (remove pods, or set type: Pods)\nautoscaling | test.yaml:9:7: error: spec.metrics[0]: a metric of type Resource needs resource (add resource: {...})\nautoscaling | test.yaml:12:40: error: spec.metrics[1].resource.target: a target of type Utilization needs averageUtilization (add averageUtilization: 80)\nautoscaling | test.yaml:12:74: error: spec.metrics[1].resource.target.averageValue: averageValue does not go with a target of type Utilization (use averageUtilization, or change type)\nquantity-invalid | test.yaml:14:80: error: spec.metrics[2].external.target.averageValue: \"1.2.3\" is not a quantity: a quantity has at most one sign and one decimal point (write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi)", Findings(Hpa("maxReplicas: 3\nmetrics:\n  - type: Resource\n    pods: {metric: {name: x}}\n  - type: Resource\n    resource: {name: memory, target: {type: Utilization, averageValue: 1Gi}}\n  - type: External\n    external: {metric: {name: q}, target: {type: AverageValue, averageValue: 1.2.3}}")));

    [Fact]
    public void Scaling_behaviour_stays_in_bounds()
        => Same("autoscaling | test.yaml:9:43: error: spec.behavior.scaleUp.stabilizationWindowSeconds: stabilizationWindowSeconds must be between 0 and 3600, got 4000\nautoscaling | test.yaml:9:63: error: spec.behavior.scaleUp.selectPolicy: unsupported value \"max\" for selectPolicy: must be one of \"Max\", \"Min\", \"Disabled\" (did you mean \"Max\"?)\nnegative-value | test.yaml:9:99: error: spec.behavior.scaleUp.policies[0].value: value must be greater than 0, got 0 (set value to 1 or more, or leave it unset)\nautoscaling | test.yaml:9:117: error: spec.behavior.scaleUp.policies[0].periodSeconds: periodSeconds must be between 1 and 1800, got 3600", Findings(Hpa("maxReplicas: 3\nbehavior:\n  scaleUp: {stabilizationWindowSeconds: 4000, selectPolicy: max, policies: [{type: Pods, value: 0, periodSeconds: 3600}]}")));

    [Fact]
    public void A_v1_autoscaler_keeps_min_below_max()
        => Same("autoscaling | test.yaml:7:16: error: spec.minReplicas: minReplicas (4) must not be greater than maxReplicas (2) (raise maxReplicas to at least 4, or lower minReplicas)", Findings(Kind("autoscaling/v1", "HorizontalPodAutoscaler", "scaleTargetRef: {kind: Deployment, name: web}\nminReplicas: 4\nmaxReplicas: 2")));

    private static string Pdb(string spec) => Kind("policy/v1", "PodDisruptionBudget", "selector: {matchLabels: {app: web}}\n" + spec);

    [Fact]
    public void A_budget_sets_minAvailable_or_maxUnavailable_not_both()
    {
        Same("", Findings(Pdb("minAvailable: 1")));
        Same("", Findings(Pdb("maxUnavailable: 25%")));
        Same("disruption-budget | test.yaml:8:19: error: spec.maxUnavailable: minAvailable and maxUnavailable may not both be set (keep one of them)", Findings(Pdb("minAvailable: 1\nmaxUnavailable: 1")));
        Same("disruption-budget | test.yaml:6:3: warning: spec: the budget sets neither minAvailable nor maxUnavailable, so it allows every eviction (add minAvailable (e.g. 1) or maxUnavailable (e.g. 1))", Findings(Pdb("unhealthyPodEvictionPolicy: AlwaysAllow")));
    }

    [Fact]
    public void Budget_values_are_counts_or_percentages_up_to_all()
        => Same("disruption-budget | test.yaml:7:17: error: spec.minAvailable: minAvailable must not be more than 100%, got 120% (use a percentage from 0% to 100%)\ndisruption-budget | test.yaml:7:19: error: spec.maxUnavailable: maxUnavailable must be a whole number or a percentage such as \"25%\", got \"1\" (write 1 without quotes for a count, or \"1%\" for a percentage)\ndisruption-budget | test.yaml:7:17: error: spec.minAvailable: minAvailable must not be negative, got -1", Findings(Pdb("minAvailable: 120%")) + "\n" + Findings(Pdb("maxUnavailable: '1'")) + "\n" + Findings(Pdb("minAvailable: -1")));

    private static string NetPol(string spec) => Kind("networking.k8s.io/v1", "NetworkPolicy", "podSelector: {matchLabels: {app: web}}\n" + spec);

    [Fact]
    public void A_typical_network_policy_passes()
        => Same("", Findings(NetPol("policyTypes: [Ingress, Egress]\ningress:\n  - from: [{namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {app: api}}}]\n    ports: [{port: http}, {protocol: TCP, port: 8000, endPort: 8100}]\negress:\n  - to: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24]}}]")));

    [Fact]
    public void Policy_types_are_Ingress_or_Egress_once_each()
        => Same("network-policy | test.yaml:7:26: error: spec.policyTypes[1]: unsupported policy type \"ingress\": must be \"Ingress\" or \"Egress\" (did you mean \"Ingress\"?)\nnetwork-policy | test.yaml:7:35: error: spec.policyTypes[2]: policy type Ingress is listed twice", Findings(NetPol("policyTypes: [Ingress, ingress, Ingress]")));

    [Fact]
    public void Network_policy_ports_are_checked()
        => Same("network-policy | test.yaml:9:22: error: spec.ingress[0].ports[0].protocol: unsupported value \"tcp\" for a protocol: must be one of \"TCP\", \"UDP\", \"SCTP\" (did you mean \"TCP\"?)\nnetwork-policy | test.yaml:9:33: error: spec.ingress[0].ports[0].port: port must be between 1 and 65535, got 0\nnetwork-policy | test.yaml:10:33: error: spec.ingress[0].ports[1].endPort: endPort may only be set when port is a number (give port as a number, or remove endPort)\nnetwork-policy | test.yaml:11:32: error: spec.ingress[0].ports[2].endPort: endPort (90) must not be below port (100)", Findings(NetPol("ingress:\n  - ports:\n      - {protocol: tcp, port: 0}\n      - {port: http, endPort: 90}\n      - {port: 100, endPort: 90}")));

    [Fact]
    public void A_peer_is_an_ip_block_or_selectors()
        => Same("network-policy | test.yaml:9:21: error: spec.egress[0].to[0].ipBlock: a peer takes either ipBlock or pod and namespace selectors, not both (split it into two peers)\nnetwork-policy | test.yaml:10:11: error: spec.egress[0].to[1]: a peer needs a podSelector, a namespaceSelector or an ipBlock (add podSelector: {matchLabels: ...}; to allow everyone, leave out the from/to list instead)\nnetwork-policy | test.yaml:11:27: error: spec.egress[0].to[2].ipBlock.cidr: \"10.0.0.0/33\" is not a CIDR such as 10.0.0.0/16\nnetwork-policy | test.yaml:12:49: error: spec.egress[0].to[3].ipBlock.except[0]: 10.1.0.0/24 is not inside the block 10.0.0.0/16 (an exception must be a smaller range within cidr)", Findings(NetPol("egress:\n  - to:\n      - {ipBlock: {cidr: 10.0.0.0/16}, podSelector: {}}\n      - {}\n      - ipBlock: {cidr: 10.0.0.0/33, except: [10.1.0.0/24]}\n      - ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}")));
}
