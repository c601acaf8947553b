using OkeGitOps.Manifests.Intent;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Argo CD on the control plane, installed as an Application of the upstream <c>argo-cd</c> Helm chart at a pinned
/// chart version, with the image pinned to the Argo CD release whose behaviour the checks follow.
/// </summary>
public sealed record ArgoCdInstall
{
    /// <summary>The Argo CD release the image is pinned to (the facts behind the checks are from this release).</summary>
    public const string DefaultVersion = "v3.5.1";

    /// <summary>The pinned <c>argo-cd</c> chart version.</summary>
    public const string DefaultChartVersion = "9.5.17";

    /// <summary>The chart repository.</summary>
    public const string ChartRepository = "https://argoproj.github.io/argo-helm";

    /// <summary>The default install: pinned versions, internal load balancer, scale proposed from the fleet's size.</summary>
    public static ArgoCdInstall Default { get; } = new();

    /// <summary>The Argo CD image tag.</summary>
    public string Version { get; init; } = DefaultVersion;

    /// <summary>The <c>argo-cd</c> chart version.</summary>
    public string ChartVersion { get; init; } = DefaultChartVersion;

    /// <summary>Argo CD's namespace on the control plane.</summary>
    public string Namespace { get; init => field = IntentRules.RequireName(value, "controlPlane.argoCd.namespace", "namespace", label: true); } = "argocd";

    /// <summary>How the API is reached.</summary>
    public ArgoCdExposure Exposure { get; init; } = ArgoCdExposure.InternalLoadBalancer();

    /// <summary>The scale; <c>null</c> means <see cref="ArgoCdSizing.Propose"/> for the fleet at render time.</summary>
    public ArgoCdScale? Scale { get; init; }

    /// <summary>Returns the install with another exposure.</summary>
    public ArgoCdInstall WithExposure(ArgoCdExposure exposure) => this with { Exposure = exposure ?? throw new ArgumentNullException(nameof(exposure)) };

    /// <summary>Returns the install with a fixed scale.</summary>
    public ArgoCdInstall WithScale(ArgoCdScale scale) => this with { Scale = scale ?? throw new ArgumentNullException(nameof(scale)) };
}
