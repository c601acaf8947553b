using System.Text;
using OkeGitOps.Manifests.AppSets.GoTemplate;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// The merge generator: the first child's parameter sets are the base; each later child's sets override the base set
/// with the same values for every merge key. Sets are never added by later children and base sets are never lost.
/// Each child's sets must be unique by the merge keys.
/// </summary>
internal sealed partial class GeneratorRunner
{
    private List<Dictionary<string, object?>> MergeParams(MappingNode spec, NodePath path, int depth)
    {
        var children = Children(spec, path, depth, "merge");
        if (children.Count < 2) throw Error("there must be at least two generators in a merge generator", path.Key("generators"), spec);
        var mergeKeys = spec.GetValueOrDefault("mergeKeys") is SequenceNode keys
            ? keys.OfType<Tree.StringNode>().Select(k => k.Value).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList()
            : [];
        if (mergeKeys.Count == 0) throw Error("no merge keys were specified; the merge generator needs at least one", path.Key("mergeKeys"), spec);
        var sets = new List<List<Dictionary<string, object?>>>();
        for (var i = 0; i < children.Count; i++) sets.Add(ChildParams(children[i], path.Key("generators").Index(i), null, depth));

        var baseByKey = ByMergeKey(mergeKeys, sets[0], path.Key("generators").Index(0), spec);
        for (var i = 1; i < sets.Count; i++)
        {
            var overrides = ByMergeKey(mergeKeys, sets[i], path.Key("generators").Index(i), spec)
                .ToDictionary(o => o.Key, o => o.Set, StringComparer.Ordinal);
            for (var j = 0; j < baseByKey.Count; j++)
            {
                var (key, baseSet) = baseByKey[j];
                if (!overrides.TryGetValue(key, out var overrideSet)) continue;
                Dictionary<string, object?> merged;
                if (UseGo)
                {
                    merged = ParamSets.Copy(baseSet);
                    OverwriteInto(merged, overrideSet);
                }
                else
                {
                    merged = ParamSets.Stringify(baseSet);
                    foreach (var (k, v) in ParamSets.Stringify(overrideSet)) merged[k] = v;
                }
                baseByKey[j] = (key, merged);
            }
        }
        return baseByKey.Select(e => e.Set).ToList();
    }

    /// <summary>Each set keyed by the JSON of its merge-key values (Argo CD's getParamSetsByMergeKey); duplicates are an error.</summary>
    private static List<(string Key, Dictionary<string, object?> Set)> ByMergeKey(List<string> mergeKeys, List<Dictionary<string, object?>> sets, NodePath path, ManifestNode at)
    {
        var result = new List<(string, Dictionary<string, object?>)>(sets.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var key = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var k in mergeKeys) key[k] = set.TryGetValue(k, out var v) ? v : null;
            var json = TemplateData.ToJson(key, indent: false, escapeHtml: true);
            if (!seen.Add(json))
            {
                throw Error($"the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was {json}",
                    path, at, suggestion: "add merge keys until every parameter set of each child is unique");
            }
            result.Add((json, set));
        }
        return result;
    }
}
