using System.Collections.Concurrent;
using System.Reflection;
using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>Maps the OCI enums to the exact strings the CCM reads, via their <see cref="ApiValueAttribute"/>.</summary>
internal static class OciApiValues
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    /// <summary>The API string of an enum member.</summary>
    public static string Of<T>(T value) where T : struct, Enum
        => Cache.GetOrAdd(value, static v =>
        {
            var field = v.GetType().GetField(v.ToString(), BindingFlags.Public | BindingFlags.Static)
                ?? throw new ArgumentOutOfRangeException(nameof(value), v, "Not a defined member.");
            return field.GetCustomAttribute<ApiValueAttribute>()?.Value ?? v.ToString();
        });

    /// <summary>Every API string of an enum, in declaration order.</summary>
    public static string[] All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToArray();
}
