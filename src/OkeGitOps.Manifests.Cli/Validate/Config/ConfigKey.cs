namespace OkeGitOps.Manifests.Cli.Validate.Config;

/// <summary>The YAML type a config key takes.</summary>
internal enum ConfigValueType
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary>A string.</summary>
    String,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A list of strings (a single string is taken as a list of one).</summary>
    StringList,
    /// <summary>A map of names to lists of strings.</summary>
    ClusterMap,
}

/// <summary>One key of <c>.okegitops.yaml</c>: its name, type, the flag that overrides it, and how it sets the settings.</summary>
/// <param name="Name">The key, dotted when nested in a section (<c>checks.duplicates</c>).</param>
/// <param name="Type">The YAML type it takes.</param>
/// <param name="Flag">The command-line flag that overrides it, if any.</param>
/// <param name="Description">What it does, for the schema and the docs.</param>
/// <param name="Apply">Sets the value on the settings; throws <see cref="ConfigException"/> for a bad value.</param>
internal sealed record ConfigKey(string Name, ConfigValueType Type, string? Flag, string Description, Func<ValidateSettings, ConfigValue, ValidateSettings> Apply)
{
    public static ConfigKey Boolean(string name, string? flag, string description, Func<ValidateSettings, ConfigValue, ValidateSettings> apply)
        => new(name, ConfigValueType.Boolean, flag, description, apply);

    public static ConfigKey String(string name, string? flag, string description, Func<ValidateSettings, ConfigValue, ValidateSettings> apply)
        => new(name, ConfigValueType.String, flag, description, apply);

    public static ConfigKey Integer(string name, string? flag, string description, Func<ValidateSettings, ConfigValue, ValidateSettings> apply)
        => new(name, ConfigValueType.Integer, flag, description, apply);

    public static ConfigKey StringList(string name, string? flag, string description, Func<ValidateSettings, ConfigValue, ValidateSettings> apply)
        => new(name, ConfigValueType.StringList, flag, description, apply);

    public static ConfigKey ClusterMap(string name, string? flag, string description, Func<ValidateSettings, ConfigValue, ValidateSettings> apply)
        => new(name, ConfigValueType.ClusterMap, flag, description, apply);
}
