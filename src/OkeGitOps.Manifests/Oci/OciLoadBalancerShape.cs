namespace OkeGitOps.Manifests.Oci;

/// <summary>The shape of an OCI Load Balancer: a legacy fixed bandwidth, or a flexible range in Mbps.</summary>
public sealed record OciLoadBalancerShape
{
    private OciLoadBalancerShape(string name, int? minMbps, int? maxMbps) => (Name, MinMbps, MaxMbps) = (name, minMbps, maxMbps);

    /// <summary>The shape annotation's value: <c>flexible</c>, or a fixed shape such as <c>100Mbps</c>.</summary>
    public string Name { get; }

    /// <summary>The lower bound of a flexible shape, in Mbps; <c>null</c> for a fixed shape.</summary>
    public int? MinMbps { get; }

    /// <summary>The upper bound of a flexible shape, in Mbps; <c>null</c> for a fixed shape.</summary>
    public int? MaxMbps { get; }

    /// <summary>True for a flexible shape.</summary>
    public bool IsFlexible => MinMbps is not null;

    /// <summary>A legacy fixed shape. A flexible load balancer cannot be turned back into a fixed one.</summary>
    public static OciLoadBalancerShape Fixed(OciFixedShape shape) => new(OciApiValues.Of(shape), null, null);

    /// <summary>A flexible shape between <paramref name="minMbps"/> and <paramref name="maxMbps"/>; both in 10..8000, min ≤ max.
    /// The bounds are checked when the shape is put on the settings.</summary>
    public static OciLoadBalancerShape Flexible(int minMbps, int maxMbps) => new("flexible", minMbps, maxMbps);
}
