using static OkeGitOps.Manifests.Tests.Validation.Kubernetes.BuiltInKinds;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

/// <summary>PersistentVolumeClaim, ResourceQuota and LimitRange.</summary>
public class StorageRuleTests
{
    private static string Kind(string kind, string spec) => $"apiVersion: v1\nkind: {kind}\nmetadata:\n  name: x\nspec:\n{Indent(spec, 2)}\n";

    [Fact]
    public void A_typical_claim_passes()
        => Same("", Findings(Kind("PersistentVolumeClaim", "accessModes: [ReadWriteOnce]\nstorageClassName: oci-bv\nresources: {requests: {storage: 50Gi}}")));

    [Fact]
    public void A_claim_needs_access_modes_and_a_storage_request()
        => Same("required | test.yaml:6:3: error: spec: missing required field \"accessModes\": a claim needs at least one access mode (add accessModes: [ReadWriteOnce])\nclaim-spec | test.yaml:7:14: error: spec.resources: a claim needs requests.storage (add requests: {storage: 10Gi})", Findings(Kind("PersistentVolumeClaim", "storageClassName: oci-bv\nresources: {}")));

    [Fact]
    public void Claim_access_modes_and_sizes_are_checked()
        => Same("claim-spec | test.yaml:6:17: error: spec.accessModes[0]: unsupported access mode \"ReadWriteOnly\": must be one of \"ReadWriteOnce\", \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOncePod\" (did you mean \"ReadWriteOnce\"?)\nquantity-invalid | test.yaml:8:35: error: spec.resources.requests.storage: \"50GB\" is not a quantity: GB is not a unit: use Ki, Mi, Gi (powers of 1024) or k, M, G (powers of 1000) (write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi)\nclaim-spec | test.yaml:7:15: error: spec.volumeMode: unsupported value \"block\" for volumeMode: must be one of \"Filesystem\", \"Block\" (did you mean \"Block\"?)", Findings(Kind("PersistentVolumeClaim", "accessModes: [ReadWriteOnly]\nvolumeMode: block\nresources: {requests: {storage: 50GB}}")));

    [Fact]
    public void Quota_amounts_are_quantities()
        => Same("quantity-invalid | test.yaml:6:45: error: spec.hard[\"limits.memory\"]: \"20 Gi\" is not a quantity: a quantity may not contain spaces (write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi)", Findings(Kind("ResourceQuota", "hard: {requests.cpu: '10', limits.memory: 20 Gi, pods: 50}")));

    [Fact]
    public void A_limit_range_keeps_min_below_default_below_max()
        => Same("quantity-invalid | test.yaml:10:31: error: spec.limits[0].max.cpu: \"x\" is not a quantity: a quantity starts with a number, such as 500m or 1Gi (write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi)\nrequest-above-limit | test.yaml:8:21: error: spec.limits[0].min.memory: min memory (1Gi) is larger than default memory (512Mi) (keep min ≤ defaultRequest ≤ default ≤ max for memory)\nresource-quantity | test.yaml:11:13: error: spec.limits[1].type: unsupported value \"Containr\" for a limit type: must be one of \"Pod\", \"Container\", \"PersistentVolumeClaim\" (did you mean \"Container\"?)", Findings(Kind("LimitRange", "limits:\n  - type: Container\n    min: {memory: 1Gi}\n    default: {memory: 512Mi}\n    max: {memory: 2Gi, cpu: x}\n  - type: Containr")));
}
