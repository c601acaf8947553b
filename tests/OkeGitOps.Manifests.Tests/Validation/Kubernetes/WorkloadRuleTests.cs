using static OkeGitOps.Manifests.Tests.Validation.Kubernetes.BuiltInKinds;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

public class WorkloadRuleTests
{
    private static string Workload(string kind, string spec, string apiVersion = "apps/v1")
        => $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: w\nspec:\n{Indent(spec, 2)}\n";

    private const string Template = "template:\n  metadata: {labels: {app: web}}\n  spec:\n    containers: [{name: app, image: nginx}]";

    [Fact]
    public void A_deployment_needs_a_selector()
        => Same("required | test.yaml:6:3: error: spec: missing required field \"selector\": a Deployment needs a selector matching its template's labels (add selector: {matchLabels: {app: <name>}} and the same labels on the template)", Findings(Workload("Deployment", Template)));

    [Fact]
    public void A_deployment_without_a_spec_is_reported_at_the_root()
        => Same("required | test.yaml:1:1: error: missing required field \"spec\": a Deployment needs spec.selector and spec.template (add spec with selector.matchLabels and a template whose labels match them)", Findings("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\n"));

    [Fact]
    public void An_empty_selector_is_refused_for_apps_v1()
        => Same("selector-invalid | test.yaml:6:13: error: spec.selector: an empty selector is refused for a Deployment (it would select every pod) (add matchLabels naming the template's labels, e.g. app: <name>)", Findings(Workload("Deployment", "selector: {}\n" + Template)));

    [Theory]
    [InlineData("Deployment")]
    [InlineData("StatefulSet")]
    [InlineData("DaemonSet")]
    [InlineData("ReplicaSet")]
    public void The_selector_must_match_the_template_labels(string kind)
        => Same($"selector-mismatch | test.yaml:7:5: error: spec.selector: the selector (app=api) does not match the template's labels (app=web); the {kind} would own no pods (make spec.template.metadata.labels include every label the selector asks for)",
            Findings(Workload(kind, "selector:\n  matchLabels: {app: api}\n" + Template)));

    [Fact]
    public void Match_expressions_count_when_matching_the_template()
    {
        Same("", Findings(Workload("Deployment", "selector:\n  matchExpressions: [{key: app, operator: In, values: [web, api]}]\n" + Template)));
        Same("selector-mismatch | test.yaml:7:5: error: spec.selector: the selector (1 expression) does not match the template's labels (app=web); the Deployment would own no pods (make spec.template.metadata.labels include every label the selector asks for)", Findings(Workload("Deployment", "selector:\n  matchExpressions: [{key: tier, operator: Exists}]\n" + Template)));
    }

    [Fact]
    public void Selector_requirements_are_well_formed()
        => Same("selector-invalid | test.yaml:9:30: error: spec.selector.matchExpressions[0].operator: unsupported value \"in\" for a selector operator: must be one of \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\" (did you mean \"In\"?)\nselector-invalid | test.yaml:10:9: error: spec.selector.matchExpressions[1]: the operator In needs at least one value (add values: [...], or use Exists)\nselector-invalid | test.yaml:11:47: error: spec.selector.matchExpressions[2].values: the operator Exists takes no values (remove values, or use In)\nselector-mismatch | test.yaml:7:5: error: spec.selector: the selector (app=web, 3 expressions) does not match the template's labels (app=web); the Deployment would own no pods (make spec.template.metadata.labels include every label the selector asks for)", Findings(Workload("Deployment", "selector:\n  matchLabels: {app: web}\n  matchExpressions:\n    - {key: app, operator: in, values: [web]}\n    - {key: tier, operator: In}\n    - {key: zone, operator: Exists, values: [a]}\n" + Template)));

    [Fact]
    public void Long_running_workloads_restart_Always()
        => Same("restart-policy | test.yaml:11:22: error: spec.template.spec.restartPolicy: unsupported value \"OnFailure\": only \"Always\" is allowed for this workload's pods (remove restartPolicy (it defaults to Always); use a Job for pods that finish)", Findings(Workload("Deployment", "selector: {matchLabels: {app: web}}\n" + Template + "\n    restartPolicy: OnFailure")));

    [Fact]
    public void Replicas_and_history_are_not_negative()
        => Same("negative-value | test.yaml:6:13: error: spec.replicas: replicas must not be negative, got -1 (set replicas to 0 or more, or leave it unset)\nnegative-value | test.yaml:7:25: error: spec.revisionHistoryLimit: revisionHistoryLimit must not be negative, got -2 (set revisionHistoryLimit to 0 or more, or leave it unset)", Findings(Workload("Deployment", "replicas: -1\nrevisionHistoryLimit: -2\nselector: {matchLabels: {app: web}}\n" + Template)));

    [Fact]
    public void A_rolling_update_takes_counts_or_percentages_and_cannot_stall()
    {
        Same("", Findings(Workload("Deployment", "strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}\nselector: {matchLabels: {app: web}}\n" + Template)));
        Same("update-strategy | test.yaml:6:83: error: spec.strategy.rollingUpdate.maxUnavailable: maxUnavailable must not be more than 100%, got 150% (use a percentage from 0% to 100%)\nupdate-strategy | test.yaml:6:61: error: spec.strategy.rollingUpdate.maxSurge: maxSurge must be a whole number or a percentage such as \"25%\", got \"25\" (write 25 without quotes for a count, or \"25%\" for a percentage)", Findings(Workload("Deployment", "strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: '25', maxUnavailable: 150%}}\nselector: {matchLabels: {app: web}}\n" + Template)));
        Same("update-strategy | test.yaml:6:59: error: spec.strategy.rollingUpdate.maxUnavailable: maxUnavailable and maxSurge may not both be 0: the rollout could never make progress (set maxSurge: 1 or maxUnavailable: 1)", Findings(Workload("Deployment", "strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0%}}\nselector: {matchLabels: {app: web}}\n" + Template)));
    }

    [Fact]
    public void Recreate_takes_no_rolling_update_settings()
        => Same("update-strategy | test.yaml:6:45: error: spec.strategy.rollingUpdate: rollingUpdate may not be set when the strategy type is Recreate (remove rollingUpdate, or use type: RollingUpdate)", Findings(Workload("Deployment", "strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}\nselector: {matchLabels: {app: web}}\n" + Template)));

    [Fact]
    public void The_progress_deadline_exceeds_min_ready_seconds()
        => Same("update-strategy | test.yaml:7:28: error: spec.progressDeadlineSeconds: progressDeadlineSeconds (30) must be greater than minReadySeconds (60) (raise progressDeadlineSeconds (the default is 600))", Findings(Workload("Deployment", "minReadySeconds: 60\nprogressDeadlineSeconds: 30\nselector: {matchLabels: {app: web}}\n" + Template)));

    [Fact]
    public void A_statefulset_mounts_its_claim_templates_and_checks_them()
        => Same("claim-spec | test.yaml:19:28: error: spec.volumeClaimTemplates[1].spec.accessModes[0]: ReadWriteOncePod may not be combined with other access modes (list ReadWriteOncePod alone)\nclaim-spec | test.yaml:19:93: error: spec.volumeClaimTemplates[1].spec.resources.requests.storage: the storage request must be greater than zero (e.g. storage: 10Gi)", Findings(Workload("StatefulSet", """
            serviceName: db
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers:
                  - name: db
                    image: postgres:17
                    volumeMounts: [{name: data, mountPath: /var/lib/postgresql}, {name: logs, mountPath: /logs}]
            volumeClaimTemplates:
              - metadata: {name: data}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
              - metadata: {name: logs}
                spec: {accessModes: [ReadWriteOncePod, ReadOnlyMany], resources: {requests: {storage: 0}}}
            """)));

    [Fact]
    public void A_statefulset_update_strategy_and_service_name_are_checked()
        => Same("metadata-name-invalid | test.yaml:6:16: error: spec.serviceName: \"1db\" is not a Service name: it must be an RFC 1035 label (lowercase letters, digits and '-', starting with a letter) (use \"db\")\nupdate-strategy | test.yaml:7:24: error: spec.podManagementPolicy: unsupported value \"parallel\" for podManagementPolicy: must be one of \"OrderedReady\", \"Parallel\" (did you mean \"Parallel\"?)\nupdate-strategy | test.yaml:8:51: error: spec.updateStrategy.rollingUpdate: rollingUpdate may not be set when the update strategy type is OnDelete (remove rollingUpdate, or use type: RollingUpdate)", Findings(Workload("StatefulSet", "serviceName: 1db\npodManagementPolicy: parallel\nupdateStrategy: {type: OnDelete, rollingUpdate: {partition: 1}}\nselector: {matchLabels: {app: web}}\n" + Template)));

    [Fact]
    public void A_daemonset_update_strategy_is_RollingUpdate_or_OnDelete()
        => Same("update-strategy | test.yaml:6:26: error: spec.updateStrategy.type: unsupported value \"Rolling\" for a DaemonSet update strategy: must be one of \"RollingUpdate\", \"OnDelete\"", Findings(Workload("DaemonSet", "updateStrategy: {type: Rolling}\nselector: {matchLabels: {app: web}}\n" + Template)));

    [Fact]
    public void A_job_needs_restartPolicy_OnFailure_or_Never()
    {
        Same("restart-policy | test.yaml:9:7: error: spec.template.spec: a Job's pod template needs restartPolicy OnFailure or Never (the default, Always, is refused for Jobs) (add restartPolicy: Never (or OnFailure))", Findings(Workload("Job", Template, "batch/v1")));
        Same("restart-policy | test.yaml:10:22: error: spec.template.spec.restartPolicy: a Job's pods may not restart Always: restartPolicy must be OnFailure or Never (use restartPolicy: Never (or OnFailure))", Findings(Workload("Job", Template + "\n    restartPolicy: Always", "batch/v1")));
        Same("", Findings(Workload("Job", Template + "\n    restartPolicy: Never", "batch/v1")));
    }

    [Fact]
    public void A_job_selector_is_generated_unless_manual()
    {
        Same("selector-invalid | test.yaml:6:13: error: spec.selector: a Job's selector is generated by the API server; one written here is refused unless manualSelector is true (remove spec.selector, or set spec.manualSelector: true)", Findings(Workload("Job", "selector: {matchLabels: {app: web}}\n" + Template + "\n    restartPolicy: Never", "batch/v1")));
        Same("selector-mismatch | test.yaml:7:13: error: spec.selector: the selector (app=api) does not match the template's labels (app=web); the Job would own no pods (make spec.template.metadata.labels include every label the selector asks for)", Findings(Workload("Job", "manualSelector: true\nselector: {matchLabels: {app: api}}\n" + Template + "\n    restartPolicy: Never", "batch/v1")));
    }

    [Fact]
    public void Job_counts_are_not_negative_and_Indexed_needs_completions()
        => Same("negative-value | test.yaml:6:16: error: spec.parallelism: parallelism must not be negative, got -1 (set parallelism to 0 or more, or leave it unset)\nnegative-value | test.yaml:8:17: error: spec.backoffLimit: backoffLimit must not be negative, got -3 (set backoffLimit to 0 or more, or leave it unset)\njob-spec | test.yaml:7:19: error: spec.completionMode: an Indexed Job needs completions (set spec.completions)", Findings(Workload("Job", "parallelism: -1\ncompletionMode: Indexed\nbackoffLimit: -3\n" + Template + "\n    restartPolicy: Never", "batch/v1")));

    [Fact]
    public void A_pod_is_checked_like_a_template()
        => Same("container-image | test.yaml:5:16: error: spec.containers[0]: the container has no image (add image: with the image reference, e.g. registry.example.com/app:1.2.3)", Findings("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: app}]\n"));

    [Fact]
    public void A_replication_controller_selector_matches_its_template()
        => Same("selector-mismatch | test.yaml:6:13: error: spec.selector: the selector does not match the template's labels: app=api is not among them (add app: api to spec.template.metadata.labels)", Findings(Workload("ReplicationController", "selector: {app: api}\n" + Template, "v1")));
}
