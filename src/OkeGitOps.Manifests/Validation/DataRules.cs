using System.Text;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// The API server's ConfigMap and Secret checks beyond the schema: data keys follow the key grammar, a ConfigMap
/// key may not sit in both <c>data</c> and <c>binaryData</c>, the total stays within 1 MiB, and Secrets of the
/// built-in <c>kubernetes.io/…</c> types carry the keys their type needs. Base64 of <c>data</c> values is the
/// schema's <c>format: byte</c> check. Custom Secret types are free-form, as they are in Kubernetes; only an
/// unknown type under the reserved <c>kubernetes.io/</c> prefix is flagged, as a warning, since it is likely a typo.
/// </summary>
internal static class DataRules
{
    /// <summary>ConfigMaps and Secrets may hold at most this many bytes of data.</summary>
    public const int MaxDataBytes = 1024 * 1024;

    private static readonly (string Type, string[] Keys, bool AnyOf)[] SecretTypes =
    [
        ("Opaque", [], false),
        ("kubernetes.io/service-account-token", [], false),
        ("kubernetes.io/dockercfg", [".dockercfg"], false),
        ("kubernetes.io/dockerconfigjson", [".dockerconfigjson"], false),
        ("kubernetes.io/basic-auth", ["username", "password"], true),
        ("kubernetes.io/ssh-auth", ["ssh-privatekey"], false),
        ("kubernetes.io/tls", ["tls.crt", "tls.key"], false),
        ("bootstrap.kubernetes.io/token", [], false),
    ];

    public static void ValidateConfigMap(MappingNode root, ValidationContext ctx)
    {
        var data = root.GetValueOrDefault("data") as MappingNode;
        var binary = root.GetValueOrDefault("binaryData") as MappingNode;
        long size = 0;
        if (data is not null) size += CheckKeys("data", data, ctx, plain: true);
        if (binary is not null) size += CheckKeys("binaryData", binary, ctx, plain: false);
        if (data is not null && binary is not null)
        {
            ctx.Push("binaryData");
            foreach (var e in binary.Entries)
            {
                if (!data.ContainsKey(e.Key)) continue;
                ctx.Push(e.Key);
                ctx.Error(ValidationRules.DataKeyInvalid, $"key {SchemaWalker.Quote(e.Key)} is also in data; a key may appear in only one of data and binaryData",
                    e.KeyLocation ?? e.Value.Location);
                ctx.Pop();
            }
            ctx.Pop();
        }
        if (size > MaxDataBytes)
            ctx.Error(ValidationRules.DataTooLarge, $"the ConfigMap holds {size} bytes of data, more than the limit of {MaxDataBytes} bytes (1 MiB)", root.Location);
    }

    public static void ValidateSecret(MappingNode root, ValidationContext ctx)
    {
        var data = root.GetValueOrDefault("data") as MappingNode;
        var stringData = root.GetValueOrDefault("stringData") as MappingNode;
        long size = 0;
        if (data is not null) size += CheckKeys("data", data, ctx, plain: false);
        if (stringData is not null) size += CheckKeys("stringData", stringData, ctx, plain: true);
        if (size > MaxDataBytes)
            ctx.Error(ValidationRules.DataTooLarge, $"the Secret holds {size} bytes of data, more than the limit of {MaxDataBytes} bytes (1 MiB)", root.Location);

        if (root.GetValueOrDefault("type") is not StringNode typeNode || typeNode.Value.Length == 0) return;
        ctx.Push("type");
        var known = false;
        foreach (var (type, keys, anyOf) in SecretTypes)
        {
            if (!string.Equals(type, typeNode.Value, StringComparison.Ordinal)) continue;
            known = true;
            var missing = new List<string>();
            foreach (var key in keys)
            {
                if (!(data?.ContainsKey(key) ?? false) && !(stringData?.ContainsKey(key) ?? false)) missing.Add(key);
            }
            if (anyOf ? missing.Count == keys.Length && keys.Length > 0 : missing.Count > 0)
            {
                var list = string.Join(anyOf ? " or " : " and ", missing.Select(k => $"\"{k}\""));
                ctx.Error(ValidationRules.SecretTypeKeys, $"a Secret of type {type} needs the key{(missing.Count > 1 && !anyOf ? "s" : "")} {list} in data or stringData",
                    typeNode.Location);
            }
            if (type == "kubernetes.io/service-account-token"
                && ((root.GetValueOrDefault("metadata") as MappingNode)?.GetValueOrDefault("annotations") as MappingNode)?.ContainsKey("kubernetes.io/service-account.name") != true)
            {
                ctx.Error(ValidationRules.SecretTypeKeys, "a Secret of type kubernetes.io/service-account-token needs the annotation kubernetes.io/service-account.name",
                    typeNode.Location, "add metadata.annotations[\"kubernetes.io/service-account.name\"] naming the ServiceAccount");
            }
            break;
        }
        if (!known && typeNode.Value.StartsWith("kubernetes.io/", StringComparison.Ordinal))
        {
            var near = NearMatch.Find(typeNode.Value, SecretTypes.Select(t => t.Type));
            ctx.Warning(ValidationRules.SecretTypeUnknown, $"{SchemaWalker.Quote(typeNode.Value)} is not a Secret type Kubernetes defines", typeNode.Location,
                near is null ? "use Opaque, a built-in kubernetes.io/ type, or a type under your own domain" : $"did you mean \"{near}\"?");
        }
        ctx.Pop();
    }

    /// <summary>Checks the keys of one data map and returns the bytes its values hold.</summary>
    private static long CheckKeys(string field, MappingNode map, ValidationContext ctx, bool plain)
    {
        long size = 0;
        ctx.Push(field);
        foreach (var e in map.Entries)
        {
            if (NameRules.ConfigMapKeyProblem(e.Key) is { } problem)
            {
                ctx.Push(e.Key);
                ctx.Error(ValidationRules.DataKeyInvalid, $"invalid key {SchemaWalker.Quote(e.Key)}: {problem}", e.KeyLocation ?? e.Value.Location);
                ctx.Pop();
            }
            if (e.Value is StringNode s)
                size += plain ? Encoding.UTF8.GetByteCount(s.Value) : s.Value.Length / 4 * 3;
        }
        ctx.Pop();
        return size;
    }
}
