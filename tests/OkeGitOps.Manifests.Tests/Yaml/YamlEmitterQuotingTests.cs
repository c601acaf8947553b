using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.Yaml;

public class YamlEmitterQuotingTests
{
    private static string EmitValue(string value) => YamlEmitter.Emit(Map(("v", String(value))));

    private static string EmitKey(string key) => YamlEmitter.Emit(Map((key, Integer(1))));

    public static TheoryData<string> TypeLookalikes => new(ClassicYamlValues.TypeLookalikes);

    [Theory]
    [MemberData(nameof(TypeLookalikes))]
    public void String_value_that_YAML_would_resolve_to_another_type_is_double_quoted(string value)
        => Assert.Equal($"v: \"{value}\"\n", EmitValue(value));

    [Theory]
    [MemberData(nameof(TypeLookalikes))]
    public void Key_that_YAML_would_resolve_to_another_type_is_double_quoted(string key)
        => Assert.Equal($"\"{key}\": 1\n", EmitKey(key));

    [Theory]
    [InlineData(" lead", "\" lead\"")]
    [InlineData("trail ", "\"trail \"")]
    [InlineData(" both ", "\" both \"")]
    [InlineData("- ", "\"- \"")]
    [InlineData("? ", "\"? \"")]
    public void String_with_leading_or_trailing_space_is_double_quoted(string value, string expected)
        => Assert.Equal($"v: {expected}\n", EmitValue(value));

    [Theory]
    [InlineData(":", "':'")]
    [InlineData("#", "'#'")]
    [InlineData("-", "'-'")]
    [InlineData("\"", "'\"'")]
    [InlineData("'", "\"'\"")]
    [InlineData("@", "'@'")]
    [InlineData("`", "'`'")]
    [InlineData("%", "'%'")]
    [InlineData("&x", "'&x'")]
    [InlineData("*x", "'*x'")]
    [InlineData("!x", "'!x'")]
    [InlineData("|", "'|'")]
    [InlineData(">", "'>'")]
    [InlineData("{", "'{'")]
    [InlineData("[", "'['")]
    [InlineData("]", "']'")]
    [InlineData("}", "'}'")]
    [InlineData(",", "','")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("a #b", "'a #b'")]
    [InlineData("x:", "'x:'")]
    [InlineData("---", "'---'")]
    [InlineData("...", "'...'")]
    public void String_starting_with_or_holding_a_YAML_indicator_is_quoted(string value, string expected)
        => Assert.Equal($"v: {expected}\n", EmitValue(value));

    [Theory]
    [InlineData("-foo")]
    [InlineData("a#b")]
    [InlineData("?x")]
    [InlineData("a'b")]
    [InlineData("a\"b")]
    [InlineData("nginx:1.27")]
    [InlineData("https://example.com/a?b=c#d")]
    [InlineData("yes-please")]
    [InlineData("v1.2.3")]
    [InlineData("0.0.0.0/0")]
    public void Indicator_character_in_a_position_without_meaning_stays_plain(string value)
        => Assert.Equal($"v: {value}\n", EmitValue(value));

    [Theory]
    [InlineData("é")]
    [InlineData("日本")]
    [InlineData("naïve café")]
    public void Printable_unicode_text_stays_plain_and_readable(string value)
        => Assert.Equal($"v: {value}\n", EmitValue(value));

    [Fact]
    public void Character_outside_the_basic_plane_is_double_quoted_with_an_escape()
        => Assert.Equal("v: \"\\U0001F600\"\n", EmitValue("😀"));

    [Theory]
    [InlineData("a\rb", "\"a\\rb\"")]
    [InlineData("a\r\nb", "\"a\\r\\nb\"")]
    [InlineData("a\r\nb\r\n", "\"a\\r\\nb\\r\\n\"")]
    [InlineData("x\u0085y", "\"x\\Ny\"")]
    [InlineData("a\u2028b", "\"a\\Lb\"")]
    [InlineData("\u0001", "\"\\x01\"")]
    [InlineData("\u001b[0m", "\"\\e[0m\"")]
    public void Carriage_return_and_control_characters_are_double_quoted_with_escapes(string value, string expected)
        => Assert.Equal($"v: {expected}\n", EmitValue(value));

    [Theory]
    [InlineData("\n", "\"\\n\"")]
    [InlineData("\n\n", "\"\\n\\n\"")]
    public void String_of_line_feeds_only_is_double_quoted(string value, string expected)
        => Assert.Equal($"v: {expected}\n", EmitValue(value));

    [Theory]
    [InlineData("a\tb")]
    [InlineData("trail\t")]
    [InlineData("\t")]
    [InlineData("\tlead")]
    public void String_with_a_tab_is_double_quoted(string value)
        => Assert.Equal($"v: \"{value}\"\n", EmitValue(value));

    [Theory]
    [InlineData("\u00a0x")]
    [InlineData("\uFEFFx")]
    public void Invisible_leading_space_characters_are_double_quoted(string value)
        => Assert.Equal($"v: \"{value}\"\n", EmitValue(value));

    [Theory]
    [InlineData("a: b", "'a: b': 1\n")]
    [InlineData("#x", "'#x': 1\n")]
    [InlineData("tab\there", "\"tab\there\": 1\n")]
    [InlineData("app.kubernetes.io/name", "app.kubernetes.io/name: 1\n")]
    public void Keys_follow_the_same_quoting_rules_as_values_but_never_use_block_literals(string key, string expected)
        => Assert.Equal(expected, EmitKey(key));

    [Theory]
    [InlineData("a *b")]
    [InlineData("a *")]
    [InlineData("0o.inf| *@=")]
    public void Key_with_a_space_before_an_asterisk_is_double_quoted_so_YamlDotNet_can_read_it(string key)
    {
        var yaml = YamlEmitter.Emit(Map((key, String("v")), ("z", Integer(1))));
        Assert.Equal($"\"{key}\": v\nz: 1\n", yaml);
        Assert.Equal(Map((key, String("v")), ("z", Integer(1))), YamlReader.ReadAll(yaml)[0].Root);
    }

    [Fact]
    public void Value_with_a_space_before_an_asterisk_stays_plain()
        => Assert.Equal("v: run *.sh\n", EmitValue("run *.sh"));

    [Fact]
    public void Multi_line_key_is_a_double_quoted_explicit_key()
        => Assert.Equal("? \"line\\nbreak\"\n: 1\n", EmitKey("line\nbreak"));

    [Fact]
    public void Unpaired_surrogate_is_rejected_with_an_argument_exception()
        => Assert.Throws<ArgumentException>(() => EmitValue("bad\uD800"));
}
