using OkeGitOps.Manifests.AppSets.GoTemplate;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// The matrix generator: exactly two children; for each parameter set of the first, the second runs with that set's
/// parameters available to its own fields, and each pair is combined. With Go templates the first child's values win
/// on conflict (a deep merge); with fasttemplate a key with two different values is an error. Matrix and merge nest
/// two levels deep at most, as Argo CD's types allow.
/// </summary>
internal sealed partial class GeneratorRunner
{
    /// <summary>Nesting depth of matrix and merge generators Argo CD accepts (a matrix inside a matrix, but no deeper).</summary>
    internal const int MaxCombinationDepth = 2;

    private List<Dictionary<string, object?>> MatrixParams(MappingNode spec, NodePath path, int depth)
    {
        var children = Children(spec, path, depth, "matrix");
        if (children.Count < 2) throw Error("there must be exactly two generators in a matrix generator (found fewer)", path.Key("generators"), spec);
        if (children.Count > 2) throw Error("there must be exactly two generators in a matrix generator (found more)", path.Key("generators"), spec);
        var result = new List<Dictionary<string, object?>>();
        var first = ChildParams(children[0], path.Key("generators").Index(0), null, depth);
        foreach (var a in first)
        {
            var second = ChildParams(children[1], path.Key("generators").Index(1), a, depth);
            foreach (var b in second)
            {
                Dictionary<string, object?> combined;
                if (UseGo)
                {
                    combined = ParamSets.Copy(b);
                    OverwriteInto(combined, a);
                }
                else
                {
                    combined = ParamSets.New();
                    foreach (var (k, v) in ParamSets.Stringify(a)) combined[k] = v;
                    foreach (var (k, v) in ParamSets.Stringify(b))
                    {
                        if (combined.TryGetValue(k, out var existing) && !Equals(existing, v))
                        {
                            throw Error($"found duplicate key {k} with different value, a: {existing} ,b: {v}", path, spec,
                                suggestion: "give one child a pathParamPrefix, or rename the key in one of them");
                        }
                        combined[k] = v;
                    }
                }
                result.Add(combined);
                CheckCount(result.Count, path, spec);
            }
        }
        return result;
    }

    /// <summary>mergo.Merge with override: maps merge deeply, any non-empty source value replaces the destination's.</summary>
    private static void OverwriteInto(Dictionary<string, object?> dst, IDictionary<string, object?> src)
        => SprigFunctions.MergeInto(dst, src, overwrite: true);

    private static List<MappingNode> Children(MappingNode spec, NodePath path, int depth, string kind)
    {
        if (depth >= MaxCombinationDepth)
        {
            throw Error($"a {kind} generator nested {depth + 1} levels deep: Argo CD allows matrix and merge generators only two levels deep",
                path, spec, suggestion: "flatten the generators: a matrix or merge may hold one more matrix or merge, whose children must be plain generators");
        }
        if (spec.GetValueOrDefault("generators") is not SequenceNode list) return [];
        var children = new List<MappingNode>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is MappingNode m) children.Add(m);
            else throw Error("each child generator must be a mapping", path.Key("generators").Index(i), list[i]);
        }
        return children;
    }

    /// <summary>Runs one child of a matrix or merge: it must be exactly one generator kind.</summary>
    private List<Dictionary<string, object?>> ChildParams(MappingNode child, NodePath path, Dictionary<string, object?>? outer, int depth)
    {
        var results = Transform(child, path, MappingNode.Empty, outer, depth + 1);
        if (results.Count == 0) throw Error("child generator generated no parameters", path, child, suggestion: "give the child one generator (list, clusters, git, matrix, merge, …)");
        if (results.Count > 1) throw Error("found more than one generator in the same child of a matrix or merge generator", path, child);
        return results[0].Params;
    }
}
