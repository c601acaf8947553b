using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>What a function sees of the running template.</summary>
internal readonly record struct FunctionContext(GoTemplate Template, GoTemplateEnvironment Environment);

/// <summary>A function a template can call, with its argument count bounds (<see cref="MaxArgs"/> -1 for variadic).</summary>
internal sealed record TemplateFunction(int MinArgs, int MaxArgs, Func<FunctionContext, IReadOnlyList<object?>, object?> Invoke);

/// <summary>The function table: Go's built-ins, then Sprig, then Argo CD's own (later entries win, as in Argo CD).</summary>
internal static class TemplateFunctions
{
    public static FrozenDictionary<string, TemplateFunction> All { get; } = Build();

    private static FrozenDictionary<string, TemplateFunction> Build()
    {
        var f = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        AddBuiltins(f);
        SprigFunctions.Add(f);
        SprigLists.Add(f);
        SprigDates.Add(f);
        SprigRandom.Add(f);
        SprigSemver.Add(f);
        SprigUrls.Add(f);
        SprigRefused.Add(f);
        ArgoFunctions.Add(f);
        return f.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // ---- argument conversion, with Go's wording for type errors ----

    public static string Str(object? v) => v switch
    {
        string s => s,
        GoValues.MissingValue => throw new TemplateArgumentException("invalid value; expected string"),
        _ => throw new TemplateArgumentException($"wrong type for value; expected string; got {(v is null ? "interface {}" : GoValues.TypeName(v))}"),
    };

    public static int Int(object? v) => v switch
    {
        long l => checked((int)l),
        int i => i,
        GoValues.MissingValue => throw new TemplateArgumentException("invalid value; expected int"),
        _ => throw new TemplateArgumentException($"wrong type for value; expected int; got {(v is null ? "interface {}" : GoValues.TypeName(v))}"),
    };

    public static bool Bool(object? v) => v switch
    {
        bool b => b,
        GoValues.MissingValue => throw new TemplateArgumentException("invalid value; expected bool"),
        _ => throw new TemplateArgumentException($"wrong type for value; expected bool; got {(v is null ? "interface {}" : GoValues.TypeName(v))}"),
    };

    public static IList<object?> List(object? v, string function) => v switch
    {
        IList<object?> l => l,
        _ => throw new TemplateFunctionException($"Cannot find {function} on type {GoValues.TypeName(v)}"),
    };

    public static IDictionary<string, object?> Map(object? v) => v switch
    {
        IDictionary<string, object?> m => m,
        _ => throw new TemplateArgumentException($"wrong type for value; expected map[string]interface {{}}; got {(v is null ? "interface {}" : GoValues.TypeName(v))}"),
    };

    private static void AddBuiltins(Dictionary<string, TemplateFunction> f)
    {
        // and/or are evaluated lazily by the executor; their entries make the names known to the parser.
        f["and"] = new(1, -1, (_, a) => a[^1]);
        f["or"] = new(1, -1, (_, a) => a[^1]);
        f["not"] = new(1, 1, (_, a) => !GoValues.IsTrue(a[0]));
        f["len"] = new(1, 1, (_, a) => Len(a[0]));
        f["index"] = new(1, -1, (_, a) => Index(a));
        f["slice"] = new(1, 4, (_, a) => Slice(a));
        f["print"] = new(0, -1, (_, a) => GoFormat.Sprint(a));
        f["println"] = new(0, -1, (_, a) => GoFormat.Sprintln(a));
        f["printf"] = new(1, -1, (_, a) => GoFormat.Sprintf(Str(a[0]), a.Skip(1).ToList()));
        f["eq"] = new(1, -1, (_, a) => Eq(a));
        f["ne"] = new(2, 2, (_, a) => !Eq(a));
        f["lt"] = new(2, 2, (_, a) => Compare(a[0], a[1]) < 0);
        f["le"] = new(2, 2, (_, a) => Compare(a[0], a[1]) <= 0);
        f["gt"] = new(2, 2, (_, a) => Compare(a[0], a[1]) > 0);
        f["ge"] = new(2, 2, (_, a) => Compare(a[0], a[1]) >= 0);
        f["html"] = new(0, -1, (_, a) => WebUtility.HtmlEncode(GoFormat.Sprint(a)).Replace("&#39;", "&#39;", StringComparison.Ordinal));
        f["urlquery"] = new(0, -1, (_, a) => WebUtility.UrlEncode(GoFormat.Sprint(a)));
        f["js"] = new(0, -1, (_, a) => JsEscape(GoFormat.Sprint(a)));
    }

    private static object Len(object? v) => v switch
    {
        string s => (long)Encoding.UTF8.GetByteCount(s),
        System.Collections.ICollection c => (long)c.Count,
        null or GoValues.MissingValue => throw new TemplateFunctionException("len of nil pointer"),
        _ => throw new TemplateFunctionException($"len of type {GoValues.TypeName(v)}"),
    };

    private static object? Index(IReadOnlyList<object?> a)
    {
        var item = a[0];
        if (item is null || GoValues.IsMissing(item)) throw new TemplateFunctionException("index of untyped nil");
        for (var i = 1; i < a.Count; i++)
        {
            var key = a[i];
            switch (item)
            {
                case IDictionary<string, object?> map:
                    if (key is not string k)
                        throw new TemplateFunctionException($"value has type {GoValues.TypeName(key)}; should be string");
                    item = map.TryGetValue(k, out var found) ? found : null;
                    break;
                case IList<object?> list:
                    {
                        var x = IndexArg(key, list.Count);
                        if (x >= list.Count) throw new TemplateFunctionException($"index out of range: {x}");
                        item = list[x];
                        break;
                    }
                case string s:
                    {
                        var bytes = Encoding.UTF8.GetBytes(s);
                        var x = IndexArg(key, bytes.Length);
                        if (x >= bytes.Length) throw new TemplateFunctionException($"index out of range: {x}");
                        item = (long)bytes[x];
                        break;
                    }
                case null:
                    throw new TemplateFunctionException("index of untyped nil");
                default:
                    throw new TemplateFunctionException($"can't index item of type {GoValues.TypeName(item)}");
            }
        }
        return item;
    }

    private static int IndexArg(object? key, int cap)
    {
        if (key is not long l) throw new TemplateFunctionException($"cannot index slice/array with type {GoValues.TypeName(key)}");
        if (l < 0 || l > cap) throw new TemplateFunctionException($"index out of range: {l}");
        return (int)l;
    }

    private static object? Slice(IReadOnlyList<object?> a)
    {
        var item = a[0];
        var len = item switch
        {
            string s => s.Length,
            IList<object?> l => l.Count,
            _ => throw new TemplateFunctionException($"can't slice item of type {GoValues.TypeName(item)}"),
        };
        if (a.Count > 3 && item is string) throw new TemplateFunctionException("cannot 3-index slice a string");
        var from = a.Count > 1 ? IndexArg(a[1], len) : 0;
        var to = a.Count > 2 ? IndexArg(a[2], len) : len;
        if (from > to) throw new TemplateFunctionException($"invalid slice index: {from} > {to}");
        return item is string str ? str[from..to] : ((IList<object?>)item!).Skip(from).Take(to - from).ToList();
    }

    private enum BasicKind { Invalid, Bool, Int, Float, String, Other }

    private static BasicKind KindOf(object? v) => v switch
    {
        bool => BasicKind.Bool,
        long or int => BasicKind.Int,
        double => BasicKind.Float,
        string => BasicKind.String,
        null or GoValues.MissingValue => BasicKind.Invalid,
        _ => BasicKind.Other,
    };

    private static bool Eq(IReadOnlyList<object?> a)
    {
        if (a.Count < 2) throw new TemplateFunctionException("missing argument for comparison");
        var x = a[0];
        var k1 = KindOf(x);
        for (var i = 1; i < a.Count; i++)
        {
            var y = a[i];
            var k2 = KindOf(y);
            bool truth;
            if (k1 != k2)
            {
                if (k1 != BasicKind.Invalid && k2 != BasicKind.Invalid) throw new TemplateFunctionException("incompatible types for comparison");
                truth = false;
            }
            else
            {
                truth = k1 switch
                {
                    BasicKind.Bool => (bool)x! == (bool)y!,
                    BasicKind.Int => Convert.ToInt64(x, CultureInfo.InvariantCulture) == Convert.ToInt64(y, CultureInfo.InvariantCulture),
                    BasicKind.Float => (double)x! == (double)y!,
                    BasicKind.String => (string)x! == (string)y!,
                    BasicKind.Invalid => true,
                    _ => throw new TemplateFunctionException($"non-comparable type {GoValues.TypeName(x)}"),
                };
            }
            if (truth) return true;
        }
        return false;
    }

    private static int Compare(object? x, object? y)
    {
        var k1 = KindOf(x);
        var k2 = KindOf(y);
        if (k1 is BasicKind.Invalid or BasicKind.Other or BasicKind.Bool || k2 is BasicKind.Invalid or BasicKind.Other or BasicKind.Bool)
            throw new TemplateFunctionException("invalid type for comparison");
        if (k1 != k2) throw new TemplateFunctionException("incompatible types for comparison");
        return k1 switch
        {
            BasicKind.Int => Convert.ToInt64(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToInt64(y, CultureInfo.InvariantCulture)),
            BasicKind.Float => ((double)x!).CompareTo((double)y!),
            _ => string.CompareOrdinal((string)x!, (string)y!),
        };
    }

    private static string JsEscape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '"': sb.Append("\\\""); break;
                case '<': sb.Append(@"\u003C"); break;
                case '>': sb.Append(@"\u003E"); break;
                case '&': sb.Append(@"\u0026"); break;
                case '=': sb.Append(@"\u003D"); break;
                case '\n': sb.Append(@"\u000A"); break;
                case '\r': sb.Append(@"\u000D"); break;
                case '\t': sb.Append(@"\u0009"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
