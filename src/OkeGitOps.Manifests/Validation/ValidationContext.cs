using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// The state of one validation run: the current path as a stack of segments (turned into a <see cref="NodePath"/>
/// only when something is reported), the diagnostics found, and whether the walk is only probing a junctor branch.
/// </summary>
internal sealed class ValidationContext
{
    [ThreadStatic]
    private static ValidationContext? _cached;

    private Segment[] _segments = new Segment[32];
    private int _depth;
    private List<Diagnostic>? _diagnostics;
    private int _probeDepth;
    private int _junctorDepth;

    private ValidationContext(ValidatorOptions options) => Options = options;

    public ValidatorOptions Options { get; private set; }

    /// <summary>A clean context for one run; reuses this thread's last one so that a valid document costs no allocation.</summary>
    public static ValidationContext Rent(ValidatorOptions options)
    {
        var ctx = _cached;
        if (ctx is null) return new ValidationContext(options);
        _cached = null;
        ctx.Options = options;
        return ctx;
    }

    /// <summary>Hands back a context after <see cref="TakeDiagnostics"/>.</summary>
    public static void Return(ValidationContext ctx)
    {
        ctx._depth = 0;
        ctx._probeDepth = 0;
        ctx._junctorDepth = 0;
        ctx.ProbeErrors = 0;
        ctx._diagnostics = null;
        _cached = ctx;
    }

    /// <summary>The diagnostics found, detached from the context.</summary>
    public IReadOnlyList<Diagnostic> TakeDiagnostics()
    {
        var found = Diagnostics;
        _diagnostics = null;
        return found;
    }

    /// <summary>Errors counted while probing (inside anyOf/oneOf/not, where only the verdict matters).</summary>
    public int ProbeErrors { get; private set; }

    /// <summary>True while walking the sub-schemas of allOf/anyOf/oneOf/not, which only add value checks and never prune fields.</summary>
    public bool InJunctor => _junctorDepth > 0;

    /// <summary>True while only counting errors.</summary>
    public bool Probing => _probeDepth > 0;

    public bool HasDiagnostics => _diagnostics is { Count: > 0 };

    public IReadOnlyList<Diagnostic> Diagnostics => (IReadOnlyList<Diagnostic>?)_diagnostics ?? Array.Empty<Diagnostic>();

    public void Push(string key)
    {
        if (_depth == _segments.Length) Array.Resize(ref _segments, _depth * 2);
        _segments[_depth++] = new Segment(key, -1);
    }

    public void Push(int index)
    {
        if (_depth == _segments.Length) Array.Resize(ref _segments, _depth * 2);
        _segments[_depth++] = new Segment(null, index);
    }

    public void Pop() => _depth--;

    /// <summary>The current path, built now.</summary>
    public NodePath CurrentPath()
    {
        var path = NodePath.Root;
        for (var i = 0; i < _depth; i++)
        {
            var s = _segments[i];
            path = s.Key is not null ? path.Key(s.Key) : path.Index(s.Index);
        }
        return path;
    }

    /// <summary>The current path as text, for messages that name another item.</summary>
    public string CurrentPathText() => CurrentPath().ToString();

    public void EnterProbe()
    {
        _probeDepth++;
        _junctorDepth++;
    }

    public void ExitProbe()
    {
        _probeDepth--;
        _junctorDepth--;
    }

    public void EnterJunctor() => _junctorDepth++;

    public void ExitJunctor() => _junctorDepth--;

    /// <summary>Resets the probe error count and returns the old value.</summary>
    public int TakeProbeErrors()
    {
        var n = ProbeErrors;
        ProbeErrors = 0;
        return n;
    }

    public void RestoreProbeErrors(int count) => ProbeErrors = count;

    /// <summary>Reports an error at the current path.</summary>
    public void Error(string rule, string message, SourceLocation? location, string? suggestion = null)
        => Report(DiagnosticSeverity.Error, rule, message, location, suggestion);

    /// <summary>Reports a warning at the current path.</summary>
    public void Warning(string rule, string message, SourceLocation? location, string? suggestion = null)
        => Report(DiagnosticSeverity.Warning, rule, message, location, suggestion);

    public void Report(DiagnosticSeverity severity, string rule, string message, SourceLocation? location, string? suggestion = null)
    {
        if (_probeDepth > 0)
        {
            if (severity == DiagnosticSeverity.Error) ProbeErrors++;
            return;
        }
        _diagnostics ??= new List<Diagnostic>();
        _diagnostics.Add(new Diagnostic(severity, rule, message, CurrentPath(), location, suggestion));
    }

    /// <summary>Adds a diagnostic that was built elsewhere (keeps its own path).</summary>
    public void Add(Diagnostic diagnostic)
    {
        if (_probeDepth > 0)
        {
            if (diagnostic.IsError) ProbeErrors++;
            return;
        }
        _diagnostics ??= new List<Diagnostic>();
        _diagnostics.Add(diagnostic);
    }

    /// <summary>Replaces the diagnostic at <paramref name="index"/> (used to attach known-mistake hints).</summary>
    public void Replace(int index, Diagnostic diagnostic) => _diagnostics![index] = diagnostic;

    private readonly record struct Segment(string? Key, int Index);
}
