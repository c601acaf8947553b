using System.Collections.Frozen;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// A parsed Go <c>text/template</c>, with the functions Argo CD's ApplicationSet controller offers: Go's built-ins,
/// the Sprig library (without <c>env</c>, <c>expandenv</c> and <c>getHostByName</c>) and Argo CD's <c>normalize</c>,
/// <c>slugify</c>, <c>toYaml</c>, <c>fromYaml</c> and <c>fromYamlArray</c>. Data is plain .NET values: dictionaries
/// from string, lists, strings, booleans, <c>long</c> and <c>double</c> (see <see cref="TemplateData"/>).
/// </summary>
/// <remarks>
/// Execution is bounded by <see cref="GoTemplateLimits"/>: a template that recurses into itself, loops over huge data
/// or writes too much stops with a <see cref="GoTemplateException"/> instead of running on.
/// </remarks>
public sealed class GoTemplate
{
    private GoTemplate(string text, string name, MissingKeyMode missingKey, GoTemplateLimits limits)
    {
        Text = text;
        Name = name;
        MissingKey = missingKey;
        Limits = limits;
    }

    /// <summary>The template text.</summary>
    public string Text { get; }

    /// <summary>The template's name, used in error messages (Argo CD leaves it empty).</summary>
    public string Name { get; }

    /// <summary>The limits execution runs under.</summary>
    public GoTemplateLimits Limits { get; }

    internal MissingKeyMode MissingKey { get; }

    internal FrozenDictionary<string, TemplateFunction> Functions => TemplateFunctions.All;

    internal Dictionary<string, ListNode> Defines { get; } = new(StringComparer.Ordinal);

    private ListNode Root { get; set; } = new(0, []);

    /// <summary>The names of every function a template may call.</summary>
    public static IReadOnlyCollection<string> FunctionNames => TemplateFunctions.All.Keys;

    /// <summary>Parses a template.</summary>
    /// <param name="text">The template text.</param>
    /// <param name="options">Go template options as Argo CD's <c>goTemplateOptions</c> holds them, e.g. <c>missingkey=error</c>.</param>
    /// <param name="name">The name errors print (Argo CD uses the empty name).</param>
    /// <param name="limits">Execution limits; <see cref="GoTemplateLimits.Default"/> when null.</param>
    /// <exception cref="GoTemplateException">The text is not a valid template, or an option is unknown.</exception>
    public static GoTemplate Parse(string text, IEnumerable<string>? options = null, string name = "", GoTemplateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var missingKey = MissingKeyMode.Invalid;
        foreach (var option in options ?? [])
        {
            missingKey = option switch
            {
                "missingkey=invalid" or "missingkey=default" => MissingKeyMode.Invalid,
                "missingkey=zero" => MissingKeyMode.Zero,
                "missingkey=error" => MissingKeyMode.Error,
                _ when option.StartsWith("missingkey=", StringComparison.Ordinal) => throw new GoTemplateException($"unrecognized option: {option}", 1, 0),
                _ => throw new GoTemplateException($"unrecognized option: {option}", 1, 0),
            };
        }
        var template = new GoTemplate(text, name, missingKey, limits ?? GoTemplateLimits.Default);
        template.Root = Parser.Parse(text, name, TemplateFunctions.All.ContainsKey, template.Defines);
        return template;
    }

    /// <summary>Runs the template against <paramref name="data"/> (the value of <c>.</c>) and returns its output.</summary>
    /// <exception cref="GoTemplateException">Execution failed; the message says where and why.</exception>
    public string Execute(object? data) => Execute(data, null);

    /// <summary>
    /// Runs the template against <paramref name="data"/> with the given clock and random source; a null
    /// <paramref name="environment"/> means a fresh <see cref="GoTemplateEnvironment"/> (real clock, fixed seed).
    /// </summary>
    /// <exception cref="GoTemplateException">Execution failed; the message says where and why.</exception>
    public string Execute(object? data, GoTemplateEnvironment? environment)
    {
        try
        {
            return new Executor(this, environment ?? new GoTemplateEnvironment()).Run(Root, data);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new GoTemplateException($"template: {Name}: nesting too deep to execute", 1, 0);
        }
    }

    /// <summary>Parses and runs a template in one step.</summary>
    /// <exception cref="GoTemplateException">The template is invalid or its execution failed.</exception>
    public static string Render(string text, object? data, IEnumerable<string>? options = null)
        => Parse(text, options).Execute(data);
}

/// <summary>Bounds on what one template execution may do.</summary>
/// <param name="MaxSteps">Nodes evaluated before execution is stopped.</param>
/// <param name="MaxOutputLength">
/// The one bound on text: the most characters the template's output, and any string produced while it runs (a
/// function's result, a printed or formatted value), may have; lists and maps a function returns are held to as many
/// elements. Sizes that can be known in advance (replace, indent, printf widths) are checked before anything is
/// allocated; going over stops execution with an error that names the limit. 4 MiB of characters by default.
/// </param>
/// <param name="MaxTemplateDepth">Nested <c>{{template}}</c> calls before execution is stopped (Go's own limit is far higher).</param>
public sealed record GoTemplateLimits(long MaxSteps = 5_000_000, int MaxOutputLength = 4 * 1024 * 1024, int MaxTemplateDepth = 100)
{
    /// <summary>The limits used when none are given.</summary>
    public static GoTemplateLimits Default { get; } = new();
}
