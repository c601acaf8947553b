namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// The one bound on the size of text a template run may produce: every string a function returns, every value the
/// formatter prints, and the template's whole output are held to <see cref="GoTemplateLimits.MaxOutputLength"/>
/// characters (lists to as many elements). Functions whose result size can be known in advance (replace, indent,
/// printf padding, repeat) check before they allocate; builders (print, join, toJson, ...) check as they grow; the
/// executor checks every function result. Going over is a template error, never an out-of-memory crash.
/// </summary>
/// <remarks>
/// The bound of the run in progress is kept per thread, because the functions are static and a run never leaves the
/// thread it started on. Outside a run (a function called directly) there is no bound.
/// </remarks>
internal static class TextBound
{
    [ThreadStatic]
    private static int t_max;

    /// <summary>The bound of the run in progress on this thread, or <see cref="int.MaxValue"/> outside a run.</summary>
    public static int Max => t_max <= 0 ? int.MaxValue : t_max;

    /// <summary>Sets the bound for a run; disposing the result restores the previous one.</summary>
    public static Scope Enter(int max)
    {
        var previous = t_max;
        t_max = Math.Max(1, max);
        return new Scope(previous);
    }

    /// <summary>Restores the bound that was in force before <see cref="Enter"/>.</summary>
    public readonly struct Scope(int previous) : IDisposable
    {
        /// <summary>Restores the previous bound.</summary>
        public void Dispose() => t_max = previous;
    }

    /// <summary>The error for a result of <paramref name="length"/> characters (or more) over the bound.</summary>
    public static TemplateFunctionException TooLong(long length)
        => new($"the result would be {(length == long.MaxValue ? "more than " + Max : length)} characters long, which exceeds the limit of {Max} characters on any string a template produces");

    /// <summary>Throws when a result of <paramref name="length"/> characters would exceed the bound.</summary>
    public static void Check(long length)
    {
        if (length > Max) throw TooLong(length);
    }

    /// <summary>Throws when a builder has grown past the bound (checked as it grows, so it never grows far past it).</summary>
    public static void Check(System.Text.StringBuilder sb)
    {
        if (sb.Length > Max) throw TooLong(long.MaxValue);
    }

    /// <summary>
    /// Throws when <paramref name="value"/> printed or serialized would surely exceed the bound: counts one character
    /// per node plus the characters of its strings and keys, stopping as soon as the bound is passed. A list that holds
    /// itself many times over (<c>$l = list $l $l</c>, repeated) is thus refused in time proportional to the bound,
    /// not to its exponential printed size.
    /// </summary>
    public static void CheckSize(object? value)
    {
        long budget = Max;
        if (!Fits(value, ref budget)) throw TooLong(long.MaxValue);
    }

    private static bool Fits(object? value, ref long budget)
    {
        budget -= 1;
        switch (value)
        {
            case string s:
                budget -= s.Length;
                break;
            case IDictionary<string, object?> m:
                foreach (var (k, v) in m)
                {
                    budget -= k.Length;
                    if (budget < 0 || !Fits(v, ref budget)) return false;
                }
                break;
            case IList<object?> l:
                foreach (var v in l)
                {
                    if (budget < 0 || !Fits(v, ref budget)) return false;
                }
                break;
        }
        return budget >= 0;
    }
}
