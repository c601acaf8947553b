using static OkeGitOps.Manifests.Tests.Validation.Kubernetes.BuiltInKinds;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

public class ContainerRuleTests
{
    [Fact]
    public void A_typical_deployment_passes()
        => Same("", Findings(Deployment("""
            containers:
              - name: app
                image: registry.example.com/web:1.2.3
                ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]
                env:
                  - {name: LOG_LEVEL, value: info}
                  - name: DB_PASSWORD
                    valueFrom: {secretKeyRef: {name: db, key: password}}
                envFrom: [{configMapRef: {name: web}}]
                resources:
                  requests: {cpu: 250m, memory: 256Mi}
                  limits: {cpu: "1", memory: 512Mi, nvidia.com/gpu: 1}
                readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 5}
                livenessProbe: {tcpSocket: {port: 8080}, successThreshold: 1}
                lifecycle: {preStop: {sleep: {seconds: 5}}}
                volumeMounts: [{name: config, mountPath: /etc/web}, {name: cache, mountPath: /cache, subPath: web}]
            initContainers:
              - name: migrate
                image: registry.example.com/web:1.2.3
                command: [migrate]
            volumes:
              - {name: config, configMap: {name: web}}
              - {name: cache, emptyDir: {sizeLimit: 1Gi}}
            """)));

    [Fact]
    public void A_pod_needs_at_least_one_container()
        => Same("required | test.yaml:14:19: error: spec.template.spec.containers: containers may not be empty: a pod needs at least one container (add containers: [{name: app, image: ...}])", Findings(Deployment("containers: []")));

    [Fact]
    public void Container_names_are_unique_across_containers_and_init_containers()
        => Same("container-name | test.yaml:16:18: error: spec.template.spec.initContainers[0].name: duplicate container name \"app\": containers has a container of that name; names are unique across containers, initContainers and ephemeralContainers (give every container of the pod its own name)", Findings(Deployment("containers: [{name: app, image: nginx}]\ninitContainers:\n  - {name: app, image: busybox}")));

    [Fact]
    public void A_container_name_is_an_RFC_1123_label()
        => Same("container-name | test.yaml:14:27: error: spec.template.spec.containers[0].name: \"Web_App\" is not a valid container name: it must be a lowercase RFC 1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit (use \"web-app\")", Findings(Deployment("containers: [{name: Web_App, image: nginx}]")));

    [Fact]
    public void A_container_needs_an_image()
        => Same("container-image | test.yaml:15:11: error: spec.template.spec.containers[0]: the container has no image (add image: with the image reference, e.g. registry.example.com/app:1.2.3)", Findings(Deployment("containers:\n  - name: app")));

    [Fact]
    public void An_image_with_surrounding_spaces_is_refused()
        => Same("container-image | test.yaml:15:30: error: spec.template.spec.containers[0].image: the image \" nginx\" has leading or trailing spaces (use \"nginx\")", Findings(Deployment("containers:\n  - {name: app, image: ' nginx'}")));

    [Fact]
    public void Container_ports_are_in_range_and_named_as_IANA_services()
        => Same("container-port | test.yaml:18:48: error: spec.template.spec.containers[0].ports[0].containerPort: containerPort must be between 1 and 65535, got 70000\ncontainer-port | test.yaml:18:22: error: spec.template.spec.containers[0].ports[0].name: \"http_port\" is not a valid port name: a port name may hold only lowercase letters, digits and '-' (use \"http-port\")\ncontainer-port | test.yaml:19:22: error: spec.template.spec.containers[0].ports[1].name: \"metrics-endpoint1\" is not a valid port name: a port name may be at most 15 characters long (use \"metrics-endpoin\")", Findings(Container("ports:\n  - {name: http_port, containerPort: 70000}\n  - {name: metrics-endpoint1, containerPort: 9090}")));

    [Fact]
    public void Container_port_names_are_unique_within_the_container()
        => Same("container-port | test.yaml:19:22: error: spec.template.spec.containers[0].ports[1].name: duplicate port name \"http\" (same as index 0) (give every port of the container its own name)", Findings(Container("ports:\n  - {name: http, containerPort: 80}\n  - {name: http, containerPort: 8080}")));

    [Fact]
    public void A_port_protocol_is_TCP_UDP_or_SCTP()
        => Same("container-port | test.yaml:17:49: error: spec.template.spec.containers[0].ports[0].protocol: unsupported value \"udp\" for a port protocol: must be one of \"TCP\", \"UDP\", \"SCTP\" (did you mean \"UDP\"?)", Findings(Container("ports: [{containerPort: 53, protocol: udp}]")));

    [Theory]
    [InlineData("LOG_LEVEL")]
    [InlineData("my.dotted-name")]
    [InlineData("1STARTS_WITH_DIGIT")]
    [InlineData("with space")]
    public void Environment_variable_names_follow_the_relaxed_rule(string name)
        => Same("", Findings(Container($"env: [{{name: '{name}', value: x}}]")));

    [Fact]
    public void An_environment_variable_name_may_not_hold_an_equals_sign()
        => Same("env-var-name | test.yaml:17:24: error: spec.template.spec.containers[0].env[0].name: \"A=B\" is not a valid environment variable name: a name may not contain '=' (use letters, digits and '_', e.g. LOG_LEVEL)", Findings(Container("env: [{name: 'A=B', value: x}]")));

    [Fact]
    public void An_environment_variable_name_may_not_hold_control_characters()
        => Same("env-var-name | test.yaml:17:24: error: spec.template.spec.containers[0].env[0].name: \"A	B\" is not a valid environment variable name: a name may hold only printable ASCII characters (letters, digits, punctuation and spaces) (use letters, digits and '_', e.g. LOG_LEVEL)", Findings(Container("env: [{name: \"A\\tB\", value: x}]")));

    [Fact]
    public void An_environment_variable_has_a_value_or_one_source()
        => Same("env-var-source | test.yaml:19:22: error: spec.template.spec.containers[0].env[0].value: value and valueFrom may not both be set (keep one of value and valueFrom)\nenv-var-source | test.yaml:21:31: error: spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef: valueFrom takes exactly one source, but both configMapKeyRef and secretKeyRef are set (keep one of configMapKeyRef and secretKeyRef)\nenv-var-source | test.yaml:24:26: error: spec.template.spec.containers[0].env[1].valueFrom: valueFrom needs exactly one source (add one of secretKeyRef, configMapKeyRef, fieldRef, resourceFieldRef)", Findings(Container("env:\n  - name: A\n    value: x\n    valueFrom:\n      secretKeyRef: {name: s, key: k}\n      configMapKeyRef: {name: c, key: k}\n  - name: B\n    valueFrom: {}")));

    [Fact]
    public void An_envFrom_item_takes_one_source_and_a_valid_prefix()
        => Same("env-var-name | test.yaml:18:24: error: spec.template.spec.containers[0].envFrom[0].prefix: \"A=\" is not a valid environment variable prefix: a name may not contain '='\nenv-var-source | test.yaml:18:66: error: spec.template.spec.containers[0].envFrom[0].secretRef: an envFrom item takes exactly one of configMapRef and secretRef (split it into two envFrom items)\nenv-var-source | test.yaml:19:15: error: spec.template.spec.containers[0].envFrom[1]: an envFrom item needs configMapRef or secretRef (add configMapRef: {name: ...})", Findings(Container("envFrom:\n  - {prefix: 'A=', configMapRef: {name: c}, secretRef: {name: s}}\n  - {prefix: APP_}")));

    [Fact]
    public void A_volume_mount_names_a_volume_of_the_pod()
        => Same("volume-mount | test.yaml:17:33: error: spec.template.spec.containers[0].volumeMounts[0].name: no volume named \"confg\" in the pod (did you mean \"config\"?)", Findings(Deployment("containers:\n  - name: app\n    image: nginx\n    volumeMounts: [{name: confg, mountPath: /etc/app}]\nvolumes: [{name: config, configMap: {name: app}}]")));

    [Fact]
    public void A_sub_path_is_relative_and_does_not_climb()
        => Same("volume-mount | test.yaml:18:52: error: spec.template.spec.containers[0].volumeMounts[0].subPath: subPath must be a relative path, got \"/abs\" (use \"abs\")\nvolume-mount | test.yaml:19:52: error: spec.template.spec.containers[0].volumeMounts[1].subPath: subPath may not contain '..', got \"x/../../etc\"", Findings(Deployment("containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n      - {name: data, mountPath: /a, subPath: /abs}\n      - {name: data, mountPath: /b, subPath: x/../../etc}\nvolumes: [{name: data, emptyDir: {}}]")));

    [Fact]
    public void Volume_names_are_labels_and_each_volume_has_one_source()
        => Same("volume-name | test.yaml:16:18: error: spec.template.spec.volumes[0].name: \"Config_Files\" is not a valid volume name: it must be a lowercase RFC 1123 label (use \"config-files\")\nvolume-name | test.yaml:16:62: error: spec.template.spec.volumes[0].secret: a volume takes exactly one source, but both configMap and secret are set (split it into two volumes)\nvolume-name | test.yaml:17:11: error: spec.template.spec.volumes[1]: a volume needs exactly one source (add one source, e.g. emptyDir: {}, configMap: {name: ...} or persistentVolumeClaim: {claimName: ...})", Findings(Deployment("containers: [{name: app, image: nginx}]\nvolumes:\n  - {name: Config_Files, configMap: {name: a}, secret: {secretName: b}}\n  - {name: empty}")));

    [Fact]
    public void A_request_may_not_exceed_its_limit()
        => Same("request-above-limit | test.yaml:18:29: error: spec.template.spec.containers[0].resources.requests.cpu: the cpu request 2 is larger than its limit 1500m (raise limits.cpu to at least 2, or lower the request)", Findings(Container("resources:\n  requests: {cpu: '2', memory: 1Gi}\n  limits: {cpu: 1500m, memory: 1024Mi}")));

    [Fact]
    public void An_extended_resource_is_whole_and_its_request_equals_its_limit()
        => Same("resource-quantity | test.yaml:19:61: error: spec.template.spec.containers[0].resources.limits[\"example.com/dongle\"]: the extended resource example.com/dongle must be a whole number, got 0.5\nrequest-above-limit | test.yaml:18:40: error: spec.template.spec.containers[0].resources.requests[\"nvidia.com/gpu\"]: the nvidia.com/gpu request 1 must equal its limit 2: nvidia.com/gpu cannot be overcommitted (set requests and limits of nvidia.com/gpu to the same amount)\nrequest-above-limit | test.yaml:18:61: error: spec.template.spec.containers[0].resources.requests[\"example.com/fpga\"]: example.com/fpga has a request but no limit: it cannot be overcommitted (add limits.example.com/fpga: 1)", Findings(Container("resources:\n  requests: {nvidia.com/gpu: 1, example.com/fpga: 1}\n  limits: {nvidia.com/gpu: 2, example.com/dongle: 0.5}")));

    [Fact]
    public void A_resource_name_must_be_a_container_resource()
        => Same("resource-quantity | test.yaml:18:30: error: spec.template.spec.containers[0].resources.limits.memroy: \"memroy\" is not a container resource: a standard resource is cpu, memory, ephemeral-storage or hugepages-<size> (did you mean memory?)\nresource-quantity | test.yaml:18:54: error: spec.template.spec.containers[0].resources.limits[\"kubernetes.io/foo\"]: \"kubernetes.io/foo\" is not a container resource: names under kubernetes.io/ are reserved for Kubernetes (use cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified name such as nvidia.com/gpu)\nresource-quantity | test.yaml:18:72: error: spec.template.spec.containers[0].resources.limits.hugepages-big: \"hugepages-big\" is not a container resource: a huge page resource is hugepages-<page size>, e.g. hugepages-2Mi (use cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified name such as nvidia.com/gpu)", Findings(Container("resources:\n  limits: {memroy: 1Gi, kubernetes.io/foo: 1, hugepages-big: 1}")));

    [Fact]
    public void Huge_pages_need_cpu_or_memory_beside_them()
        => Same("resource-quantity | test.yaml:18:13: error: spec.template.spec.containers[0].resources: huge pages need a cpu or memory request or limit as well (add a memory limit, e.g. limits.memory: 1Gi)", Findings(Container("resources:\n  limits: {hugepages-2Mi: 100Mi}\n  requests: {hugepages-2Mi: 100Mi}")));

    [Fact]
    public void A_probe_has_exactly_one_handler()
        => Same("probe-handler | test.yaml:19:24: error: spec.template.spec.containers[0].livenessProbe.tcpSocket: a probe takes exactly one handler, but both httpGet and tcpSocket are set (keep one of httpGet and tcpSocket)\nprobe-handler | test.yaml:21:13: error: spec.template.spec.containers[0].readinessProbe: a probe needs exactly one handler: exec, httpGet, tcpSocket, grpc (add e.g. httpGet: {path: /healthz, port: http})", Findings(Container("livenessProbe:\n  httpGet: {path: /, port: 80}\n  tcpSocket: {port: 80}\nreadinessProbe:\n  periodSeconds: 5")));

    [Fact]
    public void Probe_ports_and_timings_are_in_range()
        => Same("negative-value | test.yaml:23:44: error: spec.template.spec.containers[0].livenessProbe.terminationGracePeriodSeconds: terminationGracePeriodSeconds must be greater than 0, got 0 (set terminationGracePeriodSeconds to 1 or more, or leave it unset)\nprobe-handler | test.yaml:22:26: error: spec.template.spec.containers[0].livenessProbe.grpc.port: port must be between 1 and 65535, got 70000\nprobe-handler | test.yaml:18:38: error: spec.template.spec.containers[0].startupProbe.httpGet.port: port must be between 1 and 65535, got 0\nprobe-handler | test.yaml:18:49: error: spec.template.spec.containers[0].startupProbe.httpGet.scheme: unsupported scheme \"https\": must be \"HTTP\" or \"HTTPS\" (did you mean \"HTTPS\"?)\nnegative-value | test.yaml:19:31: error: spec.template.spec.containers[0].startupProbe.failureThreshold: failureThreshold must not be negative, got -1 (set failureThreshold to 0 or more, or leave it unset)\nprobe-handler | test.yaml:20:31: error: spec.template.spec.containers[0].startupProbe.successThreshold: successThreshold of a startupProbe must be 1, got 2 (remove successThreshold, or set it to 1)", Findings(Container("startupProbe:\n  httpGet: {path: /, port: 0, scheme: https}\n  failureThreshold: -1\n  successThreshold: 2\nlivenessProbe:\n  grpc: {port: 70000}\n  terminationGracePeriodSeconds: 0")));

    [Fact]
    public void A_lifecycle_hook_has_exactly_one_handler()
        => Same("probe-handler | test.yaml:21:24: error: spec.template.spec.containers[0].lifecycle.postStart: a lifecycle hook needs exactly one handler: exec, httpGet, tcpSocket, sleep (add e.g. exec: {command: [...]})\nprobe-handler | test.yaml:20:22: error: spec.template.spec.containers[0].lifecycle.preStop.sleep: a lifecycle hook takes exactly one handler, but both exec and sleep are set (keep one of exec and sleep)", Findings(Container("lifecycle:\n  preStop:\n    exec: {command: [sh]}\n    sleep: {seconds: 5}\n  postStart: {}")));

    [Fact]
    public void Init_containers_take_probes_only_as_sidecars()
    {
        Same("probe-handler | test.yaml:18:27: error: spec.template.spec.initContainers[0].readinessProbe: an init container may not have a readinessProbe (remove readinessProbe, or make it a sidecar with restartPolicy: Always)", Findings(Deployment("containers: [{name: app, image: nginx}]\ninitContainers:\n  - name: init\n    image: busybox\n    readinessProbe: {exec: {command: [true]}}")));
        Same("", Findings(Deployment("containers: [{name: app, image: nginx}]\ninitContainers:\n  - name: proxy\n    image: envoy\n    restartPolicy: Always\n    readinessProbe: {exec: {command: [true]}}")));
    }

    [Fact]
    public void The_dns_policy_None_needs_a_dns_config()
        => Same("pod-spec | test.yaml:15:18: error: spec.template.spec.dnsPolicy: dnsPolicy None needs dnsConfig with at least one nameserver (add dnsConfig: {nameservers: [...]}, or use dnsPolicy: ClusterFirst)", Findings(Deployment("containers: [{name: app, image: nginx}]\ndnsPolicy: None")));
}
