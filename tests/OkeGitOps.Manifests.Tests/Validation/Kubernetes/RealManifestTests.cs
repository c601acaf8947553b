using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

/// <summary>
/// Manifests shaped like those of a real OKE GitOps repository, validated end to end against the embedded schemas
/// (the schema walk, the metadata rules and the API-server rules together): each passes untouched, and a copy with
/// one typical mistake fails with exactly one finding, of the right rule, at the right path.
/// </summary>
public class RealManifestTests
{
    private static readonly ManifestValidator Validator = new(SchemaRegistry.Default);

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: payments-api
          namespace: payments
          labels: {app.kubernetes.io/name: payments-api, app.kubernetes.io/part-of: payments}
        spec:
          replicas: 3
          revisionHistoryLimit: 5
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
          selector:
            matchLabels: {app.kubernetes.io/name: payments-api}
          template:
            metadata:
              labels: {app.kubernetes.io/name: payments-api, app.kubernetes.io/part-of: payments}
              annotations: {prometheus.io/scrape: "true"}
            spec:
              serviceAccountName: payments-api
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              topologySpreadConstraints:
                - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app.kubernetes.io/name: payments-api}}}
              containers:
                - name: api
                  image: fra.ocir.io/tenancy/payments-api:2.4.1
                  ports:
                    - {name: http, containerPort: 8080}
                    - {name: metrics, containerPort: 9090}
                  env:
                    - {name: ASPNETCORE_URLS, value: "http://+:8080"}
                    - name: DB_PASSWORD
                      valueFrom: {secretKeyRef: {name: payments-db, key: password}}
                    - name: POD_NAME
                      valueFrom: {fieldRef: {fieldPath: metadata.name}}
                  envFrom: [{configMapRef: {name: payments-api}}]
                  resources:
                    requests: {cpu: 250m, memory: 256Mi, ephemeral-storage: 1Gi}
                    limits: {memory: 512Mi}
                  readinessProbe: {httpGet: {path: /healthz/ready, port: http}, periodSeconds: 5, failureThreshold: 3}
                  livenessProbe: {httpGet: {path: /healthz/live, port: http}, initialDelaySeconds: 10}
                  startupProbe: {tcpSocket: {port: 8080}, failureThreshold: 30, periodSeconds: 2}
                  lifecycle: {preStop: {sleep: {seconds: 10}}}
                  securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                  volumeMounts:
                    - {name: tmp, mountPath: /tmp}
                    - {name: config, mountPath: /app/config, readOnly: true}
              volumes:
                - {name: tmp, emptyDir: {sizeLimit: 256Mi}}
                - {name: config, configMap: {name: payments-api-files}}
        """;

    private const string StatefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: ledger-db, namespace: payments}
        spec:
          serviceName: ledger-db
          replicas: 3
          podManagementPolicy: Parallel
          updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 0}}
          persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Delete}
          selector: {matchLabels: {app: ledger-db}}
          template:
            metadata: {labels: {app: ledger-db}}
            spec:
              terminationGracePeriodSeconds: 60
              containers:
                - name: postgres
                  image: docker.io/library/postgres:17.2
                  ports: [{name: pg, containerPort: 5432}]
                  resources: {requests: {cpu: "1", memory: 2Gi}, limits: {cpu: "2", memory: 2Gi}}
                  volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data, subPath: pgdata}]
          volumeClaimTemplates:
            - metadata: {name: data}
              spec:
                accessModes: [ReadWriteOnce]
                storageClassName: oci-bv
                resources: {requests: {storage: 50Gi}}
        """;

    private const string Ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: payments
          namespace: payments
          annotations: {oci-native-ingress.oraclecloud.com/http-listener-port: "80"}
        spec:
          ingressClassName: native-ic-ingress-class
          tls: [{hosts: [payments.example.com], secretName: payments-tls}]
          rules:
            - host: payments.example.com
              http:
                paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: payments-api, port: {name: http}}}}
                  - {path: /, pathType: Prefix, backend: {service: {name: payments-web, port: {number: 80}}}}
        """;

    private const string CronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: ledger-backup, namespace: payments}
        spec:
          schedule: "30 2 * * *"
          timeZone: Europe/Berlin
          concurrencyPolicy: Forbid
          successfulJobsHistoryLimit: 3
          failedJobsHistoryLimit: 5
          jobTemplate:
            spec:
              backoffLimit: 2
              activeDeadlineSeconds: 3600
              ttlSecondsAfterFinished: 86400
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: backup
                      image: fra.ocir.io/tenancy/pg-backup:1.3.0
                      args: [--target, "oci://backups/ledger"]
                      resources: {requests: {cpu: 100m, memory: 128Mi}}
        """;

    private const string Autoscaler = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: payments-api, namespace: payments}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: payments-api}
          minReplicas: 3
          maxReplicas: 12
          metrics:
            - type: Resource
              resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
            - type: Resource
              resource: {name: memory, target: {type: AverageValue, averageValue: 400Mi}}
          behavior:
            scaleDown:
              stabilizationWindowSeconds: 300
              policies: [{type: Percent, value: 50, periodSeconds: 60}]
        """;

    private const string DisruptionBudget = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: payments-api, namespace: payments}
        spec:
          minAvailable: 2
          selector: {matchLabels: {app.kubernetes.io/name: payments-api}}
        """;

    private const string NetworkPolicy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: payments-api, namespace: payments}
        spec:
          podSelector: {matchLabels: {app.kubernetes.io/name: payments-api}}
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress}}
              ports: [{protocol: TCP, port: http}]
          egress:
            - to: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.99.0/24]}}]
              ports: [{protocol: TCP, port: 5432}, {protocol: UDP, port: 53}, {protocol: TCP, port: 8000, endPort: 8100}]
        """;

    private const string Role = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: payments-config-reader, namespace: payments}
        rules:
          - apiGroups: [""]
            resources: [configmaps, secrets]
            verbs: [get, list, watch]
          - apiGroups: [apps]
            resources: [deployments]
            resourceNames: [payments-api]
            verbs: [get, patch]
        """;

    private const string RoleBinding = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: payments-config-reader, namespace: payments}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: payments-config-reader}
        subjects:
          - {kind: ServiceAccount, name: payments-api, namespace: payments}
          - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: payments-oncall}
        """;

    private const string ClusterRole = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: payments-metrics}
        rules:
          - {nonResourceURLs: [/metrics], verbs: [get]}
          - {apiGroups: [metrics.k8s.io], resources: [pods], verbs: [get, list]}
        """;

    public static TheoryData<string, string> Manifests => new()
    {
        { "Deployment", Deployment }, { "StatefulSet", StatefulSet }, { "Ingress", Ingress }, { "CronJob", CronJob },
        { "HorizontalPodAutoscaler", Autoscaler }, { "PodDisruptionBudget", DisruptionBudget }, { "NetworkPolicy", NetworkPolicy },
        { "Role", Role }, { "RoleBinding", RoleBinding }, { "ClusterRole", ClusterRole },
    };

    private static string Findings(string yaml) => Format(Validator.Validate(Doc(yaml)));

    [Theory]
    [MemberData(nameof(Manifests))]
    public void A_real_manifest_passes(string kind, string yaml)
    {
        Assert.Contains($"kind: {kind}", yaml);
        Same("", Findings(yaml));
    }

    /// <summary>Each mutation: the manifest, the text to replace, its replacement, the one finding expected.</summary>
    public static TheoryData<string, string, string, string> Mutations => new()
    {
        { Deployment, "matchLabels: {app.kubernetes.io/name: payments-api}", "matchLabels: {app.kubernetes.io/name: payments}", "selector-mismatch | test.yaml:14:5: error: spec.selector: the selector (app.kubernetes.io/name=payments) does not match the template's labels (app.kubernetes.io/name=payments-api, app.kubernetes.io/part-of=payments); the Deployment would own no pods (make spec.template.metadata.labels include every label the selector asks for)" },
        { Deployment, "  selector:\n    matchLabels: {app.kubernetes.io/name: payments-api}\n", "", "required | test.yaml:8:3: error: spec: missing required field \"selector\"" },
        { Deployment, "- {name: metrics, containerPort: 9090}", "- {name: metrics, containerPort: 8080}", "duplicate-list-map-key | test.yaml:29:15: error: spec.template.spec.containers[0].ports[1]: duplicate entry containerPort=8080, protocol=TCP (same as index 0) (each item needs a unique containerPort and protocol; protocol defaults to TCP when not set)" },
        { Deployment, "- name: api\n", "- name: payments-api\n", "" },
        { Deployment, "serviceAccountName: payments-api\n", "serviceAccountName: payments-api\n      initContainers: [{name: api, image: busybox}]\n", "container-name | test.yaml:21:31: error: spec.template.spec.initContainers[0].name: duplicate container name \"api\": containers has a container of that name; names are unique across containers, initContainers and ephemeralContainers (give every container of the pod its own name)" },
        { Deployment, "memory: 256Mi, ephemeral", "memory: 1.5.5Gi, ephemeral", "quantity-invalid | test.yaml:38:43: error: spec.template.spec.containers[0].resources.requests.memory: \"1.5.5Gi\" is not a quantity: a quantity has at most one sign and one decimal point (write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi)" },
        { Deployment, "requests: {cpu: 250m,", "requests: {cpu: 0.25,", "" },
        { Deployment, "image: fra.ocir.io/tenancy/payments-api:2.4.1\n", "image: fra.ocir.io/tenancy/payments-api:2.4.1\n          terminationMessagePolicy: Whatever\n", "pod-spec | test.yaml:27:37: error: spec.template.spec.containers[0].terminationMessagePolicy: unsupported value \"Whatever\" for terminationMessagePolicy: must be one of \"File\", \"FallbackToLogsOnError\"" },
        { Deployment, "image: fra.ocir.io/tenancy/payments-api:2.4.1\n", "image: fra.ocir.io/tenancy/payments-api:2.4.1\n          imagePullPolicy: Sometimes\n", "container-image | test.yaml:27:28: error: spec.template.spec.containers[0].imagePullPolicy: unsupported value \"Sometimes\" for imagePullPolicy: must be one of \"Always\", \"IfNotPresent\", \"Never\"" },
        { Deployment, "annotations: {prometheus.io/scrape: \"true\"}", "annotations: {prometheus.io/scrape: \"true\"}\n      creationTimestamp: null", "" },
        { Deployment, "- {name: metrics, containerPort: 9090}", "- {name: metrics, containerPort: 9090.5}", "type | test.yaml:29:46: error: spec.template.spec.containers[0].ports[1].containerPort: must be of type integer, got number 9090.5" },
        { Deployment, "startupProbe: {tcpSocket: {port: 8080}", "startupProbe: {tcpSocket: {port: 8080.5}", "type | test.yaml:42:44: error: spec.template.spec.containers[0].startupProbe.tcpSocket.port: must be of type integer or string, got number 8080.5 (quote the value so it stays a string: \"8080.5\")" },
        { Deployment, "limits: {memory: 512Mi}", "limits: {memory: 128Mi}", "request-above-limit | test.yaml:38:43: error: spec.template.spec.containers[0].resources.requests.memory: the memory request 256Mi is larger than its limit 128Mi (raise limits.memory to at least 256Mi, or lower the request)" },
        { Deployment, "port: http}, periodSeconds: 5", "port: http}, exec: {command: [cat, /tmp/ready]}, periodSeconds: 5", "probe-handler | test.yaml:40:37: error: spec.template.spec.containers[0].readinessProbe.httpGet: a probe takes exactly one handler, but both exec and httpGet are set (keep one of exec and httpGet)" },
        { Deployment, "{name: config, mountPath", "{name: configs, mountPath", "volume-mount | test.yaml:47:22: error: spec.template.spec.containers[0].volumeMounts[1].name: no volume named \"configs\" in the pod (did you mean \"config\"?)" },
        { Deployment, "maxSurge: 25%", "maxSurge: '25'", "update-strategy | test.yaml:12:31: error: spec.strategy.rollingUpdate.maxSurge: maxSurge must be a whole number or a percentage such as \"25%\", got \"25\" (write 25 without quotes for a count, or \"25%\" for a percentage)" },
        { Deployment, "- {name: metrics, containerPort: 9090}", "- {name: metrics-port-number, containerPort: 9090}", "container-port | test.yaml:29:22: error: spec.template.spec.containers[0].ports[1].name: \"metrics-port-number\" is not a valid port name: a port name may be at most 15 characters long (use \"metrics-port-nu\")" },
        { Deployment, "{name: ASPNETCORE_URLS,", "{name: ASPNETCORE=URLS,", "env-var-name | test.yaml:31:22: error: spec.template.spec.containers[0].env[0].name: \"ASPNETCORE=URLS\" is not a valid environment variable name: a name may not contain '=' (use letters, digits and '_', e.g. LOG_LEVEL)" },
        { StatefulSet, "storage: 50Gi", "storage: 50GB", "quantity-invalid | test.yaml:26:41: error: spec.volumeClaimTemplates[0].spec.resources.requests.storage: \"50GB\" is not a quantity: GB is not a unit: use Ki, Mi, Gi (powers of 1024) or k, M, G (powers of 1000) (write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi)" },
        { StatefulSet, "subPath: pgdata", "subPath: /pgdata", "volume-mount | test.yaml:20:85: error: spec.template.spec.containers[0].volumeMounts[0].subPath: subPath must be a relative path, got \"/pgdata\" (use \"pgdata\")" },
        { Ingress, "{path: /api, pathType: Prefix", "{path: api, pathType: Prefix", "ingress-path | test.yaml:14:20: error: spec.rules[0].http.paths[0].path: \"api\" must be an absolute path (starting with '/') (use \"/api\")" },
        { Ingress, "port: {name: http}", "port: {name: http, number: 8080}", "ingress-backend | test.yaml:14:111: error: spec.rules[0].http.paths[0].backend.service.port.number: a service port takes a name or a number, not both (keep one of name and number)" },
        { CronJob, "schedule: \"30 2 * * *\"", "schedule: \"30 2 * * * *\"", "cron-schedule | test.yaml:5:13: error: spec.schedule: \"30 2 * * * *\" is not a valid schedule: expected 5 fields (minute hour day-of-month month day-of-week), found 6: a seconds field is not supported (e.g. \"*/15 * * * *\" (every 15 minutes) or \"0 3 * * 1-5\" (03:00 on weekdays))" },
        { CronJob, "restartPolicy: OnFailure", "restartPolicy: Always", "restart-policy | test.yaml:17:26: error: spec.jobTemplate.spec.template.spec.restartPolicy: a Job's pods may not restart Always: restartPolicy must be OnFailure or Never (use restartPolicy: Never (or OnFailure))" },
        { Autoscaler, "minReplicas: 3", "minReplicas: 13", "autoscaling | test.yaml:6:16: error: spec.minReplicas: minReplicas (13) must not be greater than maxReplicas (12) (raise maxReplicas to at least 13, or lower minReplicas)" },
        { Autoscaler, "averageValue: 400Mi", "averageValue: 400 MB", "quantity-invalid | test.yaml:12:75: error: spec.metrics[1].resource.target.averageValue: \"400 MB\" is not a quantity: a quantity may not contain spaces (write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi)" },
        { DisruptionBudget, "minAvailable: 2", "minAvailable: 2\n  maxUnavailable: 1", "disruption-budget | test.yaml:6:19: error: spec.maxUnavailable: minAvailable and maxUnavailable may not both be set (keep one of them)" },
        { NetworkPolicy, "port: 8000, endPort: 8100", "port: 8000, endPort: 7000", "network-policy | test.yaml:13:108: error: spec.egress[0].ports[2].endPort: endPort (7000) must not be below port (8000)" },
        { NetworkPolicy, "except: [10.0.99.0/24]", "except: [10.1.99.0/24]", "network-policy | test.yaml:12:51: error: spec.egress[0].to[0].ipBlock.except[0]: 10.1.99.0/24 is not inside the block 10.0.0.0/16 (an exception must be a smaller range within cidr)" },
        { Role, "verbs: [get, patch]", "verbs: []", "required | test.yaml:11:12: error: rules[1].verbs: verbs may not be empty: a rule needs at least one verb (add verbs: [get, list, watch])" },
        { RoleBinding, "kind: Role, name", "kind: Roles, name", "role-binding | test.yaml:4:54: error: roleRef.kind: unsupported value \"Roles\": a RoleBinding refers to a Role or a ClusterRole (did you mean \"Role\"?)" },
        { ClusterRole, "{nonResourceURLs: [/metrics], verbs: [get]}", "{nonResourceURLs: [/metrics], resources: [pods], verbs: [get]}", "rbac-rule | test.yaml:5:46: error: rules[0].resources: a rule with nonResourceURLs cannot apply to resources as well (move resources to a rule of its own)" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void A_mutated_copy_fails_once_at_the_right_path(string yaml, string from, string to, string expected)
    {
        Assert.Contains(from, yaml);
        Same(expected, Findings(yaml.Replace(from, to)));
    }
}
