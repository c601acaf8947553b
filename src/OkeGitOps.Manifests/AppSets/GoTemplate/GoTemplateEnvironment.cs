namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// The outside world a template sees: the clock behind <c>now</c>, <c>ago</c> and the date functions, and the random
/// source behind <c>uuidv4</c>, <c>randAlphaNum</c>, <c>shuffle</c> and the other random functions.
/// </summary>
/// <remarks>
/// Argo CD reads the real clock and a cryptographic random source, so its output changes on every reconcile. A preview
/// should be reproducible, so by default the random source is seeded with <see cref="DefaultRandomSeed"/>: the same
/// template and data give the same "random" values every time. One environment hands out one sequence of values;
/// create a new one for each independent run. Instances are not thread-safe.
/// </remarks>
public sealed class GoTemplateEnvironment
{
    /// <summary>The seed used when none is given, so that two previews of the same input agree.</summary>
    public const int DefaultRandomSeed = 0;

    private readonly Random _random;

    /// <summary>Creates an environment.</summary>
    /// <param name="now">The instant templates see as "now"; null reads the real clock at each call.</param>
    /// <param name="randomSeed">Seed of the random source; null seeds it unpredictably, as Argo CD's own randomness is.</param>
    public GoTemplateEnvironment(DateTimeOffset? now = null, int? randomSeed = DefaultRandomSeed)
    {
        FixedNow = now;
        RandomSeed = randomSeed;
        _random = randomSeed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>The fixed instant templates see, or null when they see the real clock.</summary>
    public DateTimeOffset? FixedNow { get; }

    /// <summary>The seed of the random source, or null when it is unpredictable.</summary>
    public int? RandomSeed { get; }

    /// <summary>The current instant, from <see cref="FixedNow"/> or the real clock.</summary>
    internal DateTimeOffset Now() => FixedNow ?? DateTimeOffset.UtcNow;

    /// <summary>The random source; one sequence per environment.</summary>
    internal Random Random => _random;
}

/// <summary>
/// A Go value with methods, such as a <c>time.Time</c> or a <c>*semver.Version</c>: templates reach its methods with
/// field syntax (<c>.Major</c>, <c>.Format "2006"</c>).
/// </summary>
internal interface IGoObject
{
    /// <summary>Go's type name, as <c>typeOf</c> prints it.</summary>
    string GoTypeName { get; }

    /// <summary>Go's kind name, as <c>kindOf</c> prints it.</summary>
    string GoKindName { get; }

    /// <summary>Calls a method; false when the type has no method of that name.</summary>
    /// <exception cref="TemplateFunctionException">The method failed or got the wrong arguments.</exception>
    bool TryInvoke(string name, IReadOnlyList<object?> args, out object? result);
}
