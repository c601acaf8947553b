using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Core;

namespace OkeGitOps.Manifests.Oci;

/// <summary>Writes load-balancer annotations onto a Service and checks the result.</summary>
internal static class OciServiceApply
{
    public static Service Apply(Service service, EquatableMap<string> annotations)
    {
        ArgumentNullException.ThrowIfNull(service);
        var merged = EquatableMap<string>.Empty;
        if (service.Metadata?.Annotations is { } existing)
        {
            foreach (var (key, value) in existing)
            {
                if (!OciAnnotations.IsOciKey(key)) merged = merged.SetItem(key, value);
            }
        }
        foreach (var (key, value) in annotations) merged = merged.SetItem(key, value);
        var result = service
            .WithMetadata(m => m.WithAnnotations(merged))
            .WithSpec(s => s.WithType("LoadBalancer"));
        ThrowIfErrors(OciServiceLint.Check(result));
        return result;
    }

    public static void ThrowIfErrors(IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Any(d => d.IsError)) throw new ManifestValidationException(diagnostics.Where(d => d.IsError).ToList());
    }
}
