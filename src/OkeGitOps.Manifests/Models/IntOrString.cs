using System.Globalization;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Models;

/// <summary>
/// A value of a field marked <c>x-kubernetes-int-or-string</c>, such as a port (<c>8080</c> or <c>"http"</c>)
/// or a percentage (<c>"25%"</c>). Converts implicitly from <see cref="int"/>, <see cref="long"/> and <see cref="string"/>.
/// </summary>
public readonly struct IntOrString : IEquatable<IntOrString>
{
    private readonly string? _string;
    private readonly long _int;

    /// <summary>Creates an integer value.</summary>
    public IntOrString(long value)
    {
        _int = value;
        _string = null;
    }

    /// <summary>Creates a string value.</summary>
    public IntOrString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _string = value;
        _int = 0;
    }

    /// <summary>True when the value is an integer.</summary>
    public bool IsInt => _string is null;

    /// <summary>True when the value is a string.</summary>
    public bool IsString => _string is not null;

    /// <summary>The integer.</summary>
    /// <exception cref="InvalidOperationException">The value is a string.</exception>
    public long IntValue => IsInt ? _int : throw new InvalidOperationException($"The value is the string '{_string}'.");

    /// <summary>The string.</summary>
    /// <exception cref="InvalidOperationException">The value is an integer.</exception>
    public string StringValue => _string ?? throw new InvalidOperationException($"The value is the integer {_int}.");

    /// <summary>Creates an integer value.</summary>
    public static implicit operator IntOrString(int value) => new(value);

    /// <summary>Creates an integer value.</summary>
    public static implicit operator IntOrString(long value) => new(value);

    /// <summary>Creates a string value.</summary>
    public static implicit operator IntOrString(string value) => new(value);

    /// <summary>The value as a node: an integer or a string scalar.</summary>
    public ManifestNode ToNode() => IsInt ? ManifestNode.Integer(_int) : ManifestNode.String(_string!);

    /// <summary>
    /// Reads the value from an integer or string scalar. A number with a fraction, which only a Kubernetes quantity
    /// accepts (<c>cpu: 0.5</c>), is kept as its text, the string form the API server itself writes back.
    /// </summary>
    /// <exception cref="ModelConversionException">The node is none of these.</exception>
    public static IntOrString FromNode(ManifestNode node) => node switch
    {
        IntegerNode i => new IntOrString(i.Value),
        StringNode s => new IntOrString(s.Value),
        NumberNode n when double.IsFinite(n.Value) => new IntOrString(n.Text),
        _ => throw ModelNodes.Mismatch(node, "an integer or a string"),
    };

    /// <inheritdoc />
    public bool Equals(IntOrString other) => string.Equals(_string, other._string, StringComparison.Ordinal) && _int == other._int;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IntOrString other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsInt ? _int.GetHashCode() : StringComparer.Ordinal.GetHashCode(_string!);

    /// <summary>Compares two values.</summary>
    public static bool operator ==(IntOrString left, IntOrString right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    public static bool operator !=(IntOrString left, IntOrString right) => !left.Equals(right);

    /// <summary>The integer in invariant culture, or the string.</summary>
    public override string ToString() => _string ?? _int.ToString(CultureInfo.InvariantCulture);
}
