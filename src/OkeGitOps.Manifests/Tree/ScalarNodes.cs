using System.Globalization;

namespace OkeGitOps.Manifests.Tree;

/// <summary>A scalar: string, integer, number, boolean or null.</summary>
public abstract class ScalarNode : ManifestNode
{
    private protected ScalarNode(SourceLocation? location) : base(location) { }

    /// <summary>The scalar's value as canonical text (what the emitter writes for it).</summary>
    public abstract string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A string scalar.</summary>
public sealed class StringNode : ScalarNode
{
    /// <summary>Creates a string scalar.</summary>
    public StringNode(string value, SourceLocation? location = null) : base(location)
        => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The string.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.String;

    /// <inheritdoc />
    public override string Text => Value;

    /// <inheritdoc />
    public override ManifestNode WithLocation(SourceLocation? location) => new StringNode(Value, location);

    /// <inheritdoc />
    public override bool Equals(ManifestNode? other) => other is StringNode s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NodeKind.String, StringComparer.Ordinal.GetHashCode(Value));
}

/// <summary>A whole-number scalar.</summary>
public sealed class IntegerNode : ScalarNode
{
    /// <summary>Creates an integer scalar.</summary>
    public IntegerNode(long value, SourceLocation? location = null) : base(location) => Value = value;

    /// <summary>The number.</summary>
    public long Value { get; }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Integer;

    /// <inheritdoc />
    public override string Text => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override ManifestNode WithLocation(SourceLocation? location) => new IntegerNode(Value, location);

    /// <inheritdoc />
    public override bool Equals(ManifestNode? other) => other is IntegerNode i && i.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NodeKind.Integer, Value);
}

/// <summary>A floating-point scalar.</summary>
public sealed class NumberNode : ScalarNode
{
    /// <summary>Creates a floating-point scalar.</summary>
    public NumberNode(double value, SourceLocation? location = null) : base(location) => Value = value;

    /// <summary>The number.</summary>
    public double Value { get; }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Number;

    /// <summary>
    /// Canonical text that a YAML reader reads back as a float, never as an integer:
    /// <c>1.0</c> rather than <c>1</c>, and <c>.inf</c>, <c>-.inf</c>, <c>.nan</c> for the special values.
    /// </summary>
    public override string Text
    {
        get
        {
            if (double.IsNaN(Value)) return ".nan";
            if (double.IsPositiveInfinity(Value)) return ".inf";
            if (double.IsNegativeInfinity(Value)) return "-.inf";
            var text = Value.ToString("R", CultureInfo.InvariantCulture);
            if (text.Contains('E'))
            {
                // YAML 1.1 floats need a dot in the mantissa and a sign on the exponent: 1.0e+20.
                var e = text.IndexOf('E');
                var mantissa = text[..e];
                var exponent = text[(e + 1)..];
                if (!mantissa.Contains('.')) mantissa += ".0";
                if (exponent[0] != '-' && exponent[0] != '+') exponent = "+" + exponent;
                return mantissa + "e" + exponent;
            }
            return text.Contains('.') ? text : text + ".0";
        }
    }

    /// <inheritdoc />
    public override ManifestNode WithLocation(SourceLocation? location) => new NumberNode(Value, location);

    /// <inheritdoc />
    public override bool Equals(ManifestNode? other) => other is NumberNode n && n.Value.Equals(Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NodeKind.Number, Value);
}

/// <summary>A boolean scalar.</summary>
public sealed class BooleanNode : ScalarNode
{
    internal static readonly BooleanNode True = new(true);
    internal static readonly BooleanNode False = new(false);

    /// <summary>Creates a boolean scalar.</summary>
    public BooleanNode(bool value, SourceLocation? location = null) : base(location) => Value = value;

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Boolean;

    /// <inheritdoc />
    public override string Text => Value ? "true" : "false";

    /// <inheritdoc />
    public override ManifestNode WithLocation(SourceLocation? location) => new BooleanNode(Value, location);

    /// <inheritdoc />
    public override bool Equals(ManifestNode? other) => other is BooleanNode b && b.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NodeKind.Boolean, Value);
}

/// <summary>The null scalar.</summary>
public sealed class NullNode : ScalarNode
{
    internal static readonly NullNode Instance = new();

    /// <summary>Creates a null scalar, optionally with a source location.</summary>
    public NullNode(SourceLocation? location = null) : base(location) { }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Null;

    /// <inheritdoc />
    public override string Text => "null";

    /// <inheritdoc />
    public override ManifestNode WithLocation(SourceLocation? location) => new NullNode(location);

    /// <inheritdoc />
    public override bool Equals(ManifestNode? other) => other is NullNode;

    /// <inheritdoc />
    public override int GetHashCode() => (int)NodeKind.Null;
}
