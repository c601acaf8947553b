using System.Globalization;
using static OkeGitOps.Manifests.AppSets.GoTemplate.TemplateFunctions;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Sprig's list functions and their <c>must</c> variants. In Sprig the plain function panics where the <c>must</c> one
/// returns an error; Go's template engine turns both into the same "error calling NAME: ..." failure, so here each
/// pair shares one implementation and Sprig's message ("Cannot find first on type string").
/// </summary>
internal static class SprigLists
{
    public static void Add(Dictionary<string, TemplateFunction> f)
    {
        f["list"] = new(0, -1, (_, a) => a.ToList());
        f["tuple"] = f["list"];
        Pair(f, "first", new(1, 1, (_, a) => Of(a[0], "Cannot find first on type {0}") is { Count: > 0 } l ? l[0] : null));
        Pair(f, "last", new(1, 1, (_, a) => Of(a[0], "Cannot find last on type {0}") is { Count: > 0 } l ? l[^1] : null));
        Pair(f, "rest", new(1, 1, (_, a) => Of(a[0], "Cannot find rest on type {0}") is { Count: > 0 } l ? l.Skip(1).ToList() : null));
        Pair(f, "initial", new(1, 1, (_, a) => Of(a[0], "Cannot find initial on type {0}") is { Count: > 0 } l ? l.Take(l.Count - 1).ToList() : null));
        var push = new TemplateFunction(2, 2, (_, a) => Of(a[0], "Cannot push on type {0}").Append(a[1]).ToList());
        Pair(f, "append", push);
        Pair(f, "push", push);
        Pair(f, "prepend", new(2, 2, (_, a) => Of(a[0], "Cannot prepend on type {0}").Prepend(a[1]).ToList()));
        f["concat"] = new(0, -1, (_, a) => a.SelectMany(l => Of(l, "Cannot concat type {0} as list")).ToList());
        Pair(f, "reverse", new(1, 1, (_, a) => Of(a[0], "Cannot find reverse on type {0}").Reverse().ToList()));
        Pair(f, "uniq", new(1, 1, (_, a) => Uniq(Of(a[0], "Cannot find uniq on type {0}"))));
        Pair(f, "without", new(1, -1, (_, a) => Of(a[0], "Cannot find without on type {0}").Where(v => !a.Skip(1).Any(w => SprigFunctions.DeepEqual(v, w))).ToList()));
        Pair(f, "has", new(2, 2, (_, a) => a[1] is not null && !GoValues.IsMissing(a[1]) && Of(a[1], "Cannot find has on type {0}").Any(v => SprigFunctions.DeepEqual(v, a[0]))));
        Pair(f, "compact", new(1, 1, (_, a) => Of(a[0], "Cannot compact on type {0}").Where(v => !GoValues.IsEmpty(v)).ToList()));
        // Sprig's slice replaces Go's built-in: lists only, indices converted leniently, an empty list gives nil.
        Pair(f, "slice", new(1, -1, (_, a) => Slice(a)));
        Pair(f, "chunk", new(2, 2, (_, a) => Chunk(Int(a[0]), Of(a[1], "Cannot chunk type {0}"))));
        f["until"] = new(1, 1, (_, a) => UntilStep(0, Int(a[0]), Int(a[0]) >= 0 ? 1 : -1));
        f["untilStep"] = new(3, 3, (_, a) => UntilStep(Int(a[0]), Int(a[1]), Int(a[2])));
        f["seq"] = new(0, 3, (_, a) => Seq(a));
    }

    /// <summary>Registers NAME and mustNAME with the same implementation.</summary>
    private static void Pair(Dictionary<string, TemplateFunction> f, string name, TemplateFunction function)
    {
        f[name] = function;
        f["must" + char.ToUpperInvariant(name[0]) + name[1..]] = function;
    }

    /// <summary>The argument as a list, or Sprig's error naming the argument's Go kind.</summary>
    public static IList<object?> Of(object? v, string messageFormat) => v switch
    {
        IList<object?> l => l,
        null or GoValues.MissingValue => throw new TemplateFunctionException("runtime error: invalid memory address or nil pointer dereference"),
        _ => throw new TemplateFunctionException(string.Format(CultureInfo.InvariantCulture, messageFormat, GoValues.KindName(v))),
    };

    private static object? Slice(IReadOnlyList<object?> a)
    {
        var list = Of(a[0], "list should be type of slice or array but {0}");
        if (list.Count == 0) return null;
        var start = a.Count > 1 ? SprigFunctions.ToInt64(a[1]) : 0;
        var end = a.Count > 2 ? SprigFunctions.ToInt64(a[2]) : list.Count;
        if (start < 0 || end < start || end > list.Count) throw new TemplateFunctionException("reflect.Value.Slice: slice index out of bounds");
        return list.Skip((int)start).Take((int)(end - start)).ToList();
    }

    /// <summary>Splits a list into lists of <paramref name="size"/> items, the last one shorter when the count does not divide.</summary>
    private static List<object?> Chunk(int size, IList<object?> list)
    {
        if (size <= 0) throw new TemplateFunctionException($"chunk size must be positive, got {size}");
        var result = new List<object?>();
        for (var i = 0; i < list.Count; i += size) result.Add(list.Skip(i).Take(size).ToList());
        return result;
    }

    private static List<object?> Uniq(IList<object?> list)
    {
        var res = new List<object?>();
        foreach (var v in list)
        {
            if (!res.Any(r => SprigFunctions.DeepEqual(r, v))) res.Add(v);
        }
        return res;
    }

    private static List<object?> UntilStep(int start, int stop, int step)
    {
        var v = new List<object?>();
        if (step == 0) return v;
        if ((long)(stop - start) / step > 1_000_000) throw new TemplateFunctionException("until would produce more than 1000000 numbers");
        if (step > 0)
        {
            for (long i = start; i < stop; i += step) v.Add(i);
        }
        else
        {
            for (long i = start; i > stop; i += step) v.Add(i);
        }
        return v;
    }

    private static string Seq(IReadOnlyList<object?> a)
    {
        var n = a.Select(Int).ToArray();
        var (start, step, end) = n.Length switch
        {
            0 => (0, 0, 0),
            1 => (1, 1, n[0]),
            2 => (n[0], n[0] <= n[1] ? 1 : -1, n[1]),
            _ => (n[0], n[1], n[2]),
        };
        if (n.Length == 0) return "";
        if (n.Length == 1 && end < 1) start = 1;
        if (n.Length == 1 && end < 1) step = -1;
        var items = new List<string>();
        if (step == 0) return "";
        if (Math.Abs((long)end - start) / Math.Abs(step) > 1_000_000) throw new TemplateFunctionException("seq would produce more than 1000000 numbers");
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) items.Add(i.ToString(CultureInfo.InvariantCulture));
        return string.Join(' ', items);
    }
}
