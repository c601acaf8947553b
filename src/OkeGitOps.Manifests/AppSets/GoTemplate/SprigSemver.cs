using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static OkeGitOps.Manifests.AppSets.GoTemplate.TemplateFunctions;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Sprig's <c>semver</c> and <c>semverCompare</c>, following Masterminds semver v3: lenient version parsing ("v1.2"
/// reads as 1.2.0), SemVer 2.0 precedence, and its constraint language (<c>= != &gt; &lt; &gt;= &lt;= ~ ~&gt; ^</c>,
/// <c>x</c>/<c>X</c>/<c>*</c> wildcards, <c>1.2 - 1.4</c> ranges, <c>||</c> between alternatives and comma or space
/// between conditions that must all hold). A version with a prerelease part only satisfies a condition whose own
/// version has one.
/// </summary>
internal static partial class SprigSemver
{
    public static void Add(Dictionary<string, TemplateFunction> f)
    {
        f["semver"] = new(1, 1, (_, a) =>
        {
            try
            {
                return SemverVersion.Parse(Str(a[0]));
            }
            catch (RegexMatchTimeoutException)
            {
                throw new TemplateFunctionException("Invalid Semantic Version");
            }
        });
        f["semverCompare"] = new(2, 2, (_, a) => Compare(Str(a[0]), Str(a[1])));
    }

    /// <summary>Whether <paramref name="version"/> satisfies <paramref name="constraint"/>.</summary>
    public static bool Compare(string constraint, string version)
    {
        try
        {
            var groups = ParseConstraints(constraint);
            var v = SemverVersion.Parse(version);
            return groups.Any(group => group.All(c => c.Check(v)));
        }
        catch (RegexMatchTimeoutException)
        {
            // Go's RE2 is linear; a backtracking engine is bounded instead.
            throw new TemplateFunctionException($"improper constraint: {constraint} (too complex to read)");
        }
    }

    // One version inside a constraint: digits or a wildcard in each of up to three places, then prerelease and build.
    private const string ConstraintVersion =
        @"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";

    private const string Operators = @"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";

    [GeneratedRegex(@"^\s*(" + Operators + @")\s*(" + ConstraintVersion + @")\s*$", RegexOptions.None, 1000)]
    private static partial Regex OneConstraint();

    [GeneratedRegex(@"\s*(" + ConstraintVersion + @")\s+-\s+(" + ConstraintVersion + @")\s*", RegexOptions.None, 1000)]
    private static partial Regex HyphenRange();

    [GeneratedRegex(@"(" + Operators + @")\s*(" + ConstraintVersion + @")", RegexOptions.None, 1000)]
    private static partial Regex FindConstraint();

    [GeneratedRegex(@"^(\s*(" + Operators + @")\s*(" + ConstraintVersion + @")\s*)((?:\s+|,\s*)(" + Operators + @")\s*(" + ConstraintVersion + @")\s*)*$", RegexOptions.None, 1000)]
    private static partial Regex ValidGroup();

    private static List<List<Condition>> ParseConstraints(string text)
    {
        // "1.2 - 1.4.5" means ">= 1.2, <= 1.4.5".
        text = HyphenRange().Replace(text, m => $">= {m.Groups[1].Value}, <= {m.Groups[11].Value}");
        var result = new List<List<Condition>>();
        foreach (var group in text.Split("||"))
        {
            if (!ValidGroup().IsMatch(group)) throw new TemplateFunctionException($"improper constraint: {group}");
            var conditions = new List<Condition>();
            foreach (Match m in FindConstraint().Matches(group)) conditions.Add(Condition.Parse(m.Value));
            result.Add(conditions);
        }
        return result;
    }

    private static bool IsWildcard(string part) => part is "x" or "X" or "*";

    /// <summary>One operator and version; the "dirty" flags say which places were wildcards or left out.</summary>
    private sealed record Condition(string Op, string Original, SemverVersion Version, bool Dirty, bool MinorDirty, bool PatchDirty)
    {
        public static Condition Parse(string text)
        {
            var m = OneConstraint().Match(text);
            if (!m.Success) throw new TemplateFunctionException($"improper constraint: {text}");
            var major = m.Groups[3].Value;
            var minor = m.Groups[4].Value.TrimStart('.');
            var patch = m.Groups[5].Value.TrimStart('.');
            var pre = m.Groups[6].Value;
            string version;
            bool dirty = false, minorDirty = false, patchDirty = false;
            if (IsWildcard(major) || major.Length == 0)
            {
                version = "0.0.0" + pre;
                dirty = true;
            }
            else if (IsWildcard(minor) || minor.Length == 0)
            {
                version = major + ".0.0" + pre;
                dirty = minorDirty = true;
            }
            else if (IsWildcard(patch) || patch.Length == 0)
            {
                version = major + "." + minor + ".0" + pre;
                dirty = patchDirty = true;
            }
            else
            {
                version = m.Groups[2].Value;
            }
            SemverVersion parsed;
            try
            {
                parsed = SemverVersion.Parse(version);
            }
            catch (TemplateFunctionException)
            {
                throw new TemplateFunctionException($"improper constraint: {text}");
            }
            return new Condition(m.Groups[1].Value, m.Groups[2].Value, parsed, dirty, minorDirty, patchDirty);
        }

        public bool Check(SemverVersion v)
        {
            // A prerelease version only meets conditions that name a prerelease themselves (a plain "!=" excepted).
            var c = Version;
            if (v.Prerelease.Length > 0 && c.Prerelease.Length == 0 && (Op != "!=" || Dirty)) return false;
            switch (Op)
            {
                case "" or "=":
                    return Dirty ? Tilde(v) : v.CompareTo(c) == 0;
                case "!=":
                    if (!Dirty) return v.CompareTo(c) != 0;
                    if (c.Major != v.Major) return true;
                    if (MinorDirty) return false;
                    if (c.Minor != v.Minor) return true;
                    if (PatchDirty) return false;
                    return v.CompareTo(c) != 0;
                case ">":
                    if (!Dirty) return v.CompareTo(c) > 0;
                    if (v.Major != c.Major) return v.Major > c.Major;
                    if (MinorDirty) return false;
                    if (PatchDirty) return v.Minor > c.Minor;
                    return v.CompareTo(c) > 0;
                case "<":
                    return v.CompareTo(c) < 0;
                case ">=" or "=>":
                    return v.CompareTo(c) >= 0;
                case "<=" or "=<":
                    if (!Dirty) return v.CompareTo(c) <= 0;
                    if (v.Major > c.Major) return false;
                    return !(v.Major == c.Major && v.Minor > c.Minor && !MinorDirty);
                case "~" or "~>":
                    return Tilde(v);
                case "^":
                    return Caret(v);
                default:
                    throw new TemplateFunctionException($"improper constraint: {Op}{Original}");
            }
        }

        // ~1.2.3 is >=1.2.3 <1.3.0; ~1 and ~1.x are >=1.0.0 <2.0.0; ~0.0.0 and ~* accept everything from 0.0.0.
        private bool Tilde(SemverVersion v)
        {
            var c = Version;
            if (v.CompareTo(c) < 0) return false;
            if (c.Major == 0 && c.Minor == 0 && c.Patch == 0 && !MinorDirty && !PatchDirty) return true;
            if (v.Major != c.Major) return false;
            return v.Minor == c.Minor || MinorDirty;
        }

        // ^1.2.3 is >=1.2.3 <2.0.0; ^0.2.3 is >=0.2.3 <0.3.0; ^0.0.3 is exactly 0.0.3; ^0 is <1.0.0; ^0.0 is <0.1.0.
        private bool Caret(SemverVersion v)
        {
            var c = Version;
            if (v.CompareTo(c) < 0) return false;
            if (c.Major > 0 || MinorDirty) return v.Major == c.Major;
            if (v.Major > 0) return false;
            if (c.Minor > 0 || PatchDirty) return v.Minor == c.Minor;
            if (v.Minor > 0) return false;
            return v.Patch == c.Patch;
        }
    }
}

/// <summary>A parsed semantic version, as Masterminds semver's <c>*Version</c> shows itself to templates.</summary>
internal sealed partial class SemverVersion : IGoObject, IComparable<SemverVersion>
{
    private SemverVersion(ulong major, ulong minor, ulong patch, string prerelease, string metadata, string original)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Metadata = metadata;
        Original = original;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    public string Prerelease { get; }

    public string Metadata { get; }

    public string Original { get; }

    public string GoTypeName => "*semver.Version";

    public string GoKindName => "ptr";

    [GeneratedRegex(@"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$", RegexOptions.None, 1000)]
    private static partial Regex Lenient();

    /// <summary>Parses leniently: a leading "v" and missing minor or patch numbers are accepted.</summary>
    /// <exception cref="TemplateFunctionException">Not a semantic version.</exception>
    public static SemverVersion Parse(string text)
    {
        var m = Lenient().Match(text);
        if (!m.Success) throw new TemplateFunctionException("Invalid Semantic Version");
        var pre = m.Groups[5].Value;
        var meta = m.Groups[8].Value;
        foreach (var part in pre.Length > 0 ? pre.Split('.') : [])
        {
            if (part.Length > 1 && part[0] == '0' && part.All(char.IsAsciiDigit))
                throw new TemplateFunctionException("Version segment starts with 0");
        }
        return new SemverVersion(Number(m.Groups[1].Value), Number(m.Groups[2].Value.TrimStart('.')), Number(m.Groups[3].Value.TrimStart('.')), pre, meta, text);
    }

    private static ulong Number(string digits)
    {
        if (digits.Length == 0) return 0;
        return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new TemplateFunctionException($"Error parsing version segment: strconv.ParseUint: parsing {GoFormat.Quote(digits)}: value out of range");
    }

    /// <summary>SemVer precedence: numbers first, then a release above its prereleases, build metadata ignored.</summary>
    public int CompareTo(SemverVersion? other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        if (c != 0) return c;
        if (Prerelease == other.Prerelease) return 0;
        if (Prerelease.Length == 0) return 1;
        if (other.Prerelease.Length == 0) return -1;
        var a = Prerelease.Split('.');
        var b = other.Prerelease.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var x = ComparePart(a[i], b[i]);
            if (x != 0) return x;
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int ComparePart(string a, string b)
    {
        var an = ulong.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x);
        var bn = ulong.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y);
        if (an && bn) return x.CompareTo(y);
        if (an) return -1;
        if (bn) return 1;
        return Math.Sign(string.CompareOrdinal(a, b));
    }

    /// <summary>The normalised text: MAJOR.MINOR.PATCH, then -PRERELEASE and +METADATA when present.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Major).Append('.').Append(Minor).Append('.').Append(Patch);
        if (Prerelease.Length > 0) sb.Append('-').Append(Prerelease);
        if (Metadata.Length > 0) sb.Append('+').Append(Metadata);
        return sb.ToString();
    }

    private SemverVersion With(ulong major, ulong minor, ulong patch, string pre, string meta)
    {
        var v = new SemverVersion(major, minor, patch, pre, meta, "");
        return new SemverVersion(major, minor, patch, pre, meta, (Original.StartsWith('v') ? "v" : "") + v);
    }

    public bool TryInvoke(string name, IReadOnlyList<object?> args, out object? result)
    {
        result = name switch
        {
            "Major" => NoArgs(args, name, (long)Major),
            "Minor" => NoArgs(args, name, (long)Minor),
            "Patch" => NoArgs(args, name, (long)Patch),
            "Prerelease" => NoArgs(args, name, Prerelease),
            "Metadata" => NoArgs(args, name, Metadata),
            "Original" => NoArgs(args, name, Original),
            "String" => NoArgs(args, name, ToString()),
            // Incrementing drops prerelease and metadata; a prerelease's patch step only drops them.
            "IncPatch" => NoArgs(args, name, Prerelease.Length > 0 ? With(Major, Minor, Patch, "", "") : With(Major, Minor, Patch + 1, "", "")),
            "IncMinor" => NoArgs(args, name, With(Major, Minor + 1, 0, "", "")),
            "IncMajor" => NoArgs(args, name, With(Major + 1, 0, 0, "", "")),
            "SetPrerelease" => SetPart(args, name, prerelease: true),
            "SetMetadata" => SetPart(args, name, prerelease: false),
            "LessThan" => CompareTo(Other(args, name)) < 0,
            "LessThanEqual" => CompareTo(Other(args, name)) <= 0,
            "GreaterThan" => CompareTo(Other(args, name)) > 0,
            "GreaterThanEqual" => CompareTo(Other(args, name)) >= 0,
            "Equal" => CompareTo(Other(args, name)) == 0,
            "Compare" => (long)CompareTo(Other(args, name)),
            _ => GoValues.Missing,
        };
        return !GoValues.IsMissing(result);
    }

    private static object NoArgs(IReadOnlyList<object?> args, string name, object value)
        => args.Count == 0 ? value : throw new TemplateArgumentException($"wrong number of args for {name}: want 0 got {args.Count}");

    private static SemverVersion Other(IReadOnlyList<object?> args, string name)
    {
        if (args.Count != 1) throw new TemplateArgumentException($"wrong number of args for {name}: want 1 got {args.Count}");
        return args[0] as SemverVersion ?? throw new TemplateArgumentException($"wrong type for value; expected *semver.Version; got {GoValues.TypeName(args[0])}");
    }

    [GeneratedRegex(@"^[0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*$", RegexOptions.None, 1000)]
    private static partial Regex Identifiers();

    private SemverVersion SetPart(IReadOnlyList<object?> args, string name, bool prerelease)
    {
        if (args.Count != 1) throw new TemplateArgumentException($"wrong number of args for {name}: want 1 got {args.Count}");
        var value = Str(args[0]);
        if (value.Length > 0 && !Identifiers().IsMatch(value))
            throw new TemplateFunctionException(prerelease ? "Invalid Prerelease string" : "Invalid Metadata string");
        if (prerelease && value.Split('.').Any(p => p.Length > 1 && p[0] == '0' && p.All(char.IsAsciiDigit)))
            throw new TemplateFunctionException("Version segment starts with 0");
        return prerelease ? With(Major, Minor, Patch, value, Metadata) : With(Major, Minor, Patch, Prerelease, value);
    }
}
