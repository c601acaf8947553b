using OkeGitOps.Manifests.AppSets.GoTemplate;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>Helpers for parameter sets (Go's <c>map[string]any</c>): flattening, combining, and string conversion.</summary>
internal static class ParamSets
{
    public static Dictionary<string, object?> New() => new(StringComparer.Ordinal);

    /// <summary>
    /// Flattens nested maps and lists into dotted keys (<c>a.b</c>, <c>list.0</c>), as the flatten library Argo CD uses
    /// does in dot style. An empty map or list has no leaf, so it gives no key at all (a <c>{{emptym}}</c> tag then stays
    /// as written, as in Argo CD).
    /// </summary>
    public static Dictionary<string, object?> Flatten(IDictionary<string, object?> source)
    {
        var result = New();
        foreach (var (key, value) in source) FlattenInto(result, key, value);
        return result;
    }

    private static void FlattenInto(Dictionary<string, object?> result, string prefix, object? value)
    {
        switch (value)
        {
            case IDictionary<string, object?> m:
                foreach (var (k, v) in m) FlattenInto(result, prefix + "." + k, v);
                break;
            case IList<object?> l:
                for (var i = 0; i < l.Count; i++) FlattenInto(result, prefix + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture), l[i]);
                break;
            default:
                result[prefix] = value;
                break;
        }
    }

    /// <summary>Flattened and turned into strings with Go's <c>%v</c>: the label set a post-selector matches against.</summary>
    public static Dictionary<string, string> FlattenToStrings(IDictionary<string, object?> source)
        => Flatten(source).ToDictionary(e => e.Key, e => GoValues.Print(e.Value), StringComparer.Ordinal);

    /// <summary>Every value as a string (Go's <c>%v</c>), as Argo CD's ConvertToMapStringString does.</summary>
    public static Dictionary<string, object?> Stringify(IDictionary<string, object?> source)
        => source.ToDictionary(e => e.Key, e => (object?)GoValues.Print(e.Value), StringComparer.Ordinal);

    public static Dictionary<string, object?> Copy(IDictionary<string, object?> source)
        => (Dictionary<string, object?>)SprigFunctions.DeepCopy(source)!;
}
