using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models.Core;

namespace OkeGitOps.Manifests.Oci;

/// <summary>Puts an OCI load balancer in front of a typed Service.</summary>
public static class OciServiceExtensions
{
    /// <summary>Returns the Service exposed through an OCI Load Balancer with <paramref name="settings"/> (see <see cref="OciLoadBalancerSettings.ApplyTo"/>).</summary>
    /// <exception cref="ManifestValidationException">The Service breaks a rule of the CCM.</exception>
    public static Service WithOciLoadBalancer(this Service service, OciLoadBalancerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ApplyTo(service);
    }

    /// <summary>Returns the Service exposed through an OCI Network Load Balancer with <paramref name="settings"/>.</summary>
    /// <exception cref="ManifestValidationException">The Service breaks a rule of the CCM.</exception>
    public static Service WithOciNetworkLoadBalancer(this Service service, OciNetworkLoadBalancerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ApplyTo(service);
    }
}
