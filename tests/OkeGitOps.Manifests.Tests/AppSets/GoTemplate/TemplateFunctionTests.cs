using OkeGitOps.Manifests.AppSets.GoTemplate;

namespace OkeGitOps.Manifests.Tests.AppSets.GoTemplate;

/// <summary>One case (at least) for every function the engine offers, with the output Sprig or Argo CD gives.</summary>
public class TemplateFunctionTests
{
    private static Dictionary<string, object?> Data() => new()
    {
        ["s"] = "Hello World",
        ["list"] = new List<object?> { "b", "a", "c", "a" },
        ["nums"] = new List<object?> { 3.0, 1.0 },
        ["map"] = new Dictionary<string, object?> { ["x"] = "1", ["y"] = new Dictionary<string, object?> { ["z"] = "deep" } },
        ["n"] = 3.0,
        ["empty"] = "",
        ["yaml"] = "a: 1\nb:\n- x\n- why\n",
    };

    public static TheoryData<string, string, string> Cases => new()
    {
        // Go built-ins.
        { "and", "{{ and 1 \"x\" }}", "x" },
        { "or", "{{ or .empty \"y\" }}", "y" },
        { "not", "{{ not .empty }}", "true" },
        { "len", "{{ len .list }}", "4" },
        { "index", "{{ index .map \"x\" }}", "1" },
        { "slice", "{{ slice .list 1 3 }}", "[a c]" },
        { "print", "{{ print 1 2 \"a\" 3 }}", "1 2a3" },
        { "println", "{{ println \"a\" 1 }}", "a 1\n" },
        { "printf", "{{ printf \"%s=%d\" \"a\" 1 }}", "a=1" },
        { "eq", "{{ eq 1 2 1 }}", "true" },
        { "ne", "{{ ne \"a\" \"b\" }}", "true" },
        { "lt", "{{ lt 1.5 2.5 }}", "true" },
        { "le", "{{ le 2 2 }}", "true" },
        { "gt", "{{ gt \"b\" \"a\" }}", "true" },
        { "ge", "{{ ge 1 2 }}", "false" },
        { "html", "{{ html \"<a href='x'>&</a>\" }}", "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;" },
        { "js", "{{ js \"it's <b>\" }}", "it\\'s \\u003Cb\\u003E" },
        { "urlquery", "{{ urlquery \"a b&c\" }}", "a+b%26c" },
        // Sprig strings.
        { "trim", "{{ trim \"  x  \" }}", "x" },
        { "trimAll", "{{ trimAll \"$\" \"$5.00$\" }}", "5.00" },
        { "trimPrefix", "{{ trimPrefix \"-\" \"-x\" }}", "x" },
        { "trimSuffix", "{{ trimSuffix \"-\" \"x-\" }}", "x" },
        { "upper", "{{ upper .s }}", "HELLO WORLD" },
        { "lower", "{{ lower .s }}", "hello world" },
        { "title", "{{ title \"hello world\" }}", "Hello World" },
        { "untitle", "{{ untitle .s }}", "hello world" },
        { "repeat", "{{ repeat 3 \"ab\" }}", "ababab" },
        { "substr", "{{ substr 0 5 .s }}", "Hello" },
        { "nospace", "{{ nospace .s }}", "HelloWorld" },
        { "trunc", "{{ trunc 5 .s }}|{{ trunc -5 .s }}", "Hello|World" },
        { "abbrev", "{{ abbrev 5 .s }}", "He..." },
        { "initials", "{{ initials .s }}", "HW" },
        { "contains", "{{ contains \"lo W\" .s }}", "true" },
        { "hasPrefix", "{{ hasPrefix \"Hell\" .s }}", "true" },
        { "hasSuffix", "{{ hasSuffix \"x\" .s }}", "false" },
        { "quote", "{{ quote \"a\" 1 }}", "\"a\" \"1\"" },
        { "squote", "{{ squote \"a\" }}", "'a'" },
        { "cat", "{{ cat \"a\" 1 nil \"b\" }}", "a 1 b" },
        { "indent", "{{ indent 2 \"a\\nb\" }}", "  a\n  b" },
        { "nindent", "{{ nindent 2 \"a\" }}", "\n  a" },
        { "replace", "{{ replace \" \" \"-\" .s }}", "Hello-World" },
        { "plural", "{{ plural \"one\" \"many\" 2 }}", "many" },
        { "snakecase", "{{ snakecase \"HelloWorld\" }}", "hello_world" },
        { "kebabcase", "{{ kebabcase \"HelloWorld\" }}", "hello-world" },
        { "camelcase", "{{ camelcase \"hello_world\" }}", "HelloWorld" },
        { "swapcase", "{{ swapcase \"aB\" }}", "Ab" },
        { "toString", "{{ toString 1.5 }}", "1.5" },
        { "toStrings", "{{ toStrings .nums }}", "[3 1]" },
        { "split", "{{ (split \"-\" \"a-b\")._1 }}", "b" },
        { "splitList", "{{ splitList \",\" \"a,b\" }}", "[a b]" },
        { "splitn", "{{ (splitn \"-\" 2 \"a-b-c\")._1 }}", "b-c" },
        { "join", "{{ join \",\" .list }}", "b,a,c,a" },
        { "sortAlpha", "{{ sortAlpha .list }}", "[a a b c]" },
        { "regexMatch", "{{ regexMatch \"^H.*d$\" .s }}", "true" },
        { "regexFind", "{{ regexFind \"[A-Z]\\\\w+\" .s }}", "Hello" },
        { "regexFindAll", "{{ regexFindAll \"o\" .s -1 }}", "[o o]" },
        { "regexReplaceAll", "{{ regexReplaceAll \"(o)\" .s \"[$1]\" }}", "Hell[o] W[o]rld" },
        { "regexReplaceAllLiteral", "{{ regexReplaceAllLiteral \"o\" .s \"$1\" }}", "Hell$1 W$1rld" },
        { "regexSplit", "{{ regexSplit \"o\" .s -1 }}", "[Hell  W rld]" },
        { "regexQuoteMeta", "{{ regexQuoteMeta \"a.b\" }}", "a\\.b" },
        // Encodings and checksums.
        { "b64enc", "{{ b64enc \"okegitops\" }}", "b2tlZ2l0b3Bz" },
        { "b64dec", "{{ b64dec \"b2tlZ2l0b3Bz\" }}", "okegitops" },
        { "b32enc", "{{ b32enc \"hi\" }}", "NBUQ====" },
        { "sha1sum", "{{ sha1sum \"abc\" }}", "a9993e364706816aba3e25717850c26c9cd0d89d" },
        { "sha256sum", "{{ sha256sum \"abc\" }}", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "sha512sum", "{{ sha512sum \"\" | trunc 16 }}", "cf83e1357eefb8bd" },
        { "adler32sum", "{{ adler32sum \"Wikipedia\" }}", "300286872" },
        // Paths.
        { "base", "{{ base \"a/b/c.yaml\" }}", "c.yaml" },
        { "dir", "{{ dir \"a/b/c.yaml\" }}", "a/b" },
        { "ext", "{{ ext \"a/b/c.yaml\" }}", ".yaml" },
        { "clean", "{{ clean \"a//b/../c\" }}", "a/c" },
        { "isAbs", "{{ isAbs \"/a\" }}", "true" },
        // Defaults and flow.
        { "default", "{{ .empty | default \"fallback\" }}|{{ .missing | default \"m\" }}", "fallback|m" },
        { "empty", "{{ empty .empty }}", "true" },
        { "coalesce", "{{ coalesce .empty .missing \"third\" }}", "third" },
        { "all", "{{ all 1 \"a\" .empty }}", "false" },
        { "any", "{{ any 0 .empty \"a\" }}", "true" },
        { "ternary", "{{ ternary \"yes\" \"no\" true }}", "yes" },
        { "toJson", "{{ toJson .map }}", "{\"x\":\"1\",\"y\":{\"z\":\"deep\"}}" },
        { "mustToJson", "{{ mustToJson .nums }}", "[3,1]" },
        { "toPrettyJson", "{{ toPrettyJson .nums }}", "[\n  3,\n  1\n]" },
        { "toRawJson", "{{ toRawJson \"<a>\" }}", "\"<a>\"" },
        // Lists.
        { "list", "{{ list 1 \"a\" }}", "[1 a]" },
        { "tuple", "{{ tuple 1 2 }}", "[1 2]" },
        { "first", "{{ first .list }}", "b" },
        { "last", "{{ last .list }}", "a" },
        { "rest", "{{ rest .list }}", "[a c a]" },
        { "initial", "{{ initial .list }}", "[b a c]" },
        { "append", "{{ append .list \"d\" }}", "[b a c a d]" },
        { "push", "{{ push .nums 5 }}", "[3 1 5]" },
        { "prepend", "{{ prepend .list \"z\" }}", "[z b a c a]" },
        { "concat", "{{ concat .list .nums }}", "[b a c a 3 1]" },
        { "reverse", "{{ reverse .list }}", "[a c a b]" },
        { "uniq", "{{ uniq .list }}", "[b a c]" },
        { "without", "{{ without .list \"a\" }}", "[b c]" },
        { "has", "{{ has \"c\" .list }}", "true" },
        { "compact", "{{ compact (list \"a\" \"\" 0 \"b\") }}", "[a b]" },
        { "until", "{{ until 3 }}", "[0 1 2]" },
        { "untilStep", "{{ untilStep 0 10 4 }}", "[0 4 8]" },
        { "seq", "{{ seq 3 }}|{{ seq 2 4 }}", "1 2 3|2 3 4" },
        // Maths.
        { "add", "{{ add 1 2 .n }}", "6" },
        { "add1", "{{ add1 .n }}", "4" },
        { "sub", "{{ sub 5 .n }}", "2" },
        { "mul", "{{ mul 2 .n }}", "6" },
        { "div", "{{ div 7 2 }}", "3" },
        { "mod", "{{ mod 7 2 }}", "1" },
        { "max", "{{ max 1 7 3 }}", "7" },
        { "min", "{{ min 4 2 9 }}", "2" },
        { "floor", "{{ floor 1.7 }}", "1" },
        { "ceil", "{{ ceil 1.2 }}", "2" },
        { "round", "{{ round 2.555 2 }}", "2.56" },
        { "int", "{{ int \"42\" }}", "42" },
        { "int64", "{{ int64 .n }}", "3" },
        { "float64", "{{ float64 \"1.5\" }}", "1.5" },
        { "atoi", "{{ atoi \"12\" }}", "12" },
        // Dictionaries.
        { "dict", "{{ (dict \"a\" 1 \"b\" 2).b }}", "2" },
        { "get", "{{ get .map \"x\" }}|{{ get .map \"none\" }}", "1|" },
        { "set", "{{ (set (dict) \"k\" \"v\").k }}", "v" },
        { "unset", "{{ unset (dict \"a\" 1 \"b\" 2) \"a\" }}", "map[b:2]" },
        { "hasKey", "{{ hasKey .map \"y\" }}", "true" },
        { "keys", "{{ keys .map }}", "[x y]" },
        { "values", "{{ values (dict \"a\" 1 \"b\" 2) }}", "[1 2]" },
        { "pluck", "{{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }}", "[1 3]" },
        { "pick", "{{ pick .map \"x\" }}", "map[x:1]" },
        { "omit", "{{ omit .map \"y\" }}", "map[x:1]" },
        { "merge", "{{ merge (dict \"a\" 1) (dict \"a\" 2 \"b\" 3) }}", "map[a:1 b:3]" },
        { "mergeOverwrite", "{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" 2 \"b\" 3) }}", "map[a:2 b:3]" },
        { "deepCopy", "{{ (deepCopy .map).y.z }}", "deep" },
        { "dig", "{{ dig \"y\" \"z\" \"none\" .map }}|{{ dig \"y\" \"q\" \"none\" .map }}", "deep|none" },
        // Types.
        { "kindOf", "{{ kindOf .list }}|{{ kindOf .n }}", "slice|float64" },
        { "typeOf", "{{ typeOf .map }}", "map[string]interface {}" },
        { "kindIs", "{{ kindIs \"string\" .s }}", "true" },
        { "typeIs", "{{ typeIs \"float64\" .n }}", "true" },
        { "deepEqual", "{{ deepEqual (list 1 2) (list 1 2) }}", "true" },
        // Sprig functions added with the full v3 set (semver, dates, randomness and refusals have their own test classes).
        { "hello", "{{ hello }}", "Hello!" },
        { "trimall", "{{ trimall \"$\" \"$5.00$\" }}", "5.00" },
        { "abbrevboth", "{{ abbrevboth 5 10 \"1234 5678 9123\" }}", "...5678..." },
        { "wrap", "{{ wrap 5 .s }}", "Hello\nWorld" },
        { "wrapWith", "{{ wrapWith 5 \"\\t\" .s }}", "Hello\tWorld" },
        { "b32dec", "{{ b32dec \"NBUQ====\" }}", "hi" },
        { "osBase", "{{ osBase \"/a/b.txt\" }}", "b.txt" },
        { "osDir", "{{ osDir \"/a/b.txt\" }}", "/a" },
        { "osExt", "{{ osExt \"/a/b.txt\" }}", ".txt" },
        { "osClean", "{{ osClean \"a//b/./c/..\" }}", "a/b" },
        { "osIsAbs", "{{ osIsAbs \"/a\" }}|{{ osIsAbs \"a\" }}", "true|false" },
        { "urlParse", "{{ (urlParse \"https://example.com:8443/a?x=1#top\").hostname }}", "example.com" },
        { "urlJoin", "{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"example.com\" \"path\" \"/a b\" \"query\" \"x=1\") }}", "https://example.com/a%20b?x=1" },
        { "biggest", "{{ biggest 1 7 3 }}", "7" },
        { "maxf", "{{ maxf 1 2.5 0.5 }}", "2.5" },
        { "minf", "{{ minf 1 2.5 0.5 }}", "0.5" },
        { "addf", "{{ addf 0.1 0.2 }}", "0.3" },
        { "add1f", "{{ add1f 1.5 }}", "2.5" },
        { "subf", "{{ subf 1.5 0.25 }}", "1.25" },
        { "mulf", "{{ mulf 1.1 3 }}", "3.3" },
        { "divf", "{{ divf 2 3 }}", "0.6666666666666667" },
        { "toDecimal", "{{ toDecimal \"0777\" }}|{{ toDecimal \"9\" }}", "511|0" },
        { "typeIsLike", "{{ typeIsLike \"semver.Version\" (semver \"1.0.0\") }}", "true" },
        { "fromJson", "{{ (fromJson \"{\\\"a\\\":[1,2]}\").a }}|{{ fromJson \"nope\" }}", "[1 2]|<no value>" },
        { "mustFromJson", "{{ (mustFromJson \"{\\\"b\\\":true}\").b }}", "true" },
        { "mustToPrettyJson", "{{ mustToPrettyJson (dict \"a\" 1) }}", "{\n  \"a\": 1\n}" },
        { "mustToRawJson", "{{ mustToRawJson \"<a>\" }}", "\"<a>\"" },
        { "mustMerge", "{{ mustMerge (dict \"a\" 1) (dict \"a\" 2 \"b\" 3) }}", "map[a:1 b:3]" },
        { "mustMergeOverwrite", "{{ mustMergeOverwrite (dict \"a\" 1) (dict \"a\" 2) }}", "map[a:2]" },
        { "mustDeepCopy", "{{ (mustDeepCopy .map).x }}", "1" },
        { "mustRegexMatch", "{{ mustRegexMatch \"^H\" .s }}", "true" },
        { "mustRegexFind", "{{ mustRegexFind \"W\\\\w+\" .s }}", "World" },
        { "mustRegexFindAll", "{{ mustRegexFindAll \"l+\" .s 2 }}", "[ll l]" },
        { "mustRegexReplaceAll", "{{ mustRegexReplaceAll \"o\" .s \"0\" }}", "Hell0 W0rld" },
        { "mustRegexReplaceAllLiteral", "{{ mustRegexReplaceAllLiteral \"o\" .s \"$0\" }}", "Hell$0 W$0rld" },
        { "mustRegexSplit", "{{ mustRegexSplit \" \" .s -1 }}", "[Hello World]" },
        { "mustFirst", "{{ mustFirst .list }}", "b" },
        { "mustLast", "{{ mustLast .list }}", "a" },
        { "mustRest", "{{ mustRest .list }}", "[a c a]" },
        { "mustInitial", "{{ mustInitial .list }}", "[b a c]" },
        { "mustAppend", "{{ mustAppend .list \"d\" }}", "[b a c a d]" },
        { "mustPush", "{{ mustPush .list \"d\" }}", "[b a c a d]" },
        { "mustPrepend", "{{ mustPrepend .list \"z\" }}", "[z b a c a]" },
        { "mustReverse", "{{ mustReverse .list }}", "[a c a b]" },
        { "mustUniq", "{{ mustUniq .list }}", "[b a c]" },
        { "mustWithout", "{{ mustWithout .list \"a\" \"b\" }}", "[c]" },
        { "mustHas", "{{ mustHas \"x\" .list }}", "false" },
        { "mustCompact", "{{ mustCompact (list \"\" \"a\" false) }}", "[a]" },
        { "mustSlice", "{{ mustSlice (list 1 2 3 4) 1 3 }}|{{ slice (list 1 2 3) 1 }}", "[2 3]|[2 3]" },
        { "chunk", "{{ chunk 2 (list 1 2 3 4 5) }}", "[[1 2] [3 4] [5]]" },
        { "mustChunk", "{{ mustChunk 3 (list 1 2 3) }}", "[[1 2 3]]" },
        { "semver", "{{ (semver \"v1.2.3-beta.1+build.5\").Minor }}", "2" },
        { "semverCompare", "{{ semverCompare \"^1.2\" \"1.9.0\" }}", "true" },
        { "now", "{{ typeOf now }}", "time.Time" },
        { "date", "{{ date \"2006-01-02\" 0 }}", "1970-01-01" },
        { "dateInZone", "{{ dateInZone \"15:04 MST\" 0 \"Asia/Tokyo\" }}", "09:00 JST" },
        { "date_in_zone", "{{ date_in_zone \"2006-01-02 15:04\" 0 \"UTC\" }}", "1970-01-01 00:00" },
        { "htmlDate", "{{ htmlDate 86400 }}", "1970-01-02" },
        { "htmlDateInZone", "{{ htmlDateInZone 0 \"America/New_York\" }}", "1969-12-31" },
        { "dateModify", "{{ toDate \"2006-01-02\" \"2024-02-28\" | dateModify \"24h\" | date \"2006-01-02\" }}", "2024-02-29" },
        { "date_modify", "{{ toDate \"2006-01-02\" \"2024-02-28\" | date_modify \"-1h\" | date \"2006-01-02 15:04\" }}", "2024-02-27 23:00" },
        { "mustDateModify", "{{ toDate \"2006-01-02\" \"2024-02-28\" | mustDateModify \"1.5h\" | date \"15:04\" }}", "01:30" },
        { "must_date_modify", "{{ toDate \"2006-01-02\" \"2024-02-28\" | must_date_modify \"90m\" | date \"15:04\" }}", "01:30" },
        { "ago", "{{ ago now }}", "0s" },
        { "toDate", "{{ toDate \"2006-01-02\" \"2024-03-01\" }}", "2024-03-01 00:00:00 +0000 UTC" },
        { "mustToDate", "{{ mustToDate \"02/01/2006\" \"31/12/2023\" }}", "2023-12-31 00:00:00 +0000 UTC" },
        { "unixEpoch", "{{ unixEpoch (toDate \"2006-01-02\" \"2024-03-01\") }}", "1709251200" },
        { "duration", "{{ duration \"95\" }}", "1m35s" },
        { "durationRound", "{{ durationRound \"2h10m5s\" }}", "2h" },
        { "uuidv4", "{{ len uuidv4 }}", "36" },
        { "randAlphaNum", "{{ len (randAlphaNum 8) }}", "8" },
        { "randAlpha", "{{ regexMatch \"^[a-zA-Z]{5}$\" (randAlpha 5) }}", "true" },
        { "randNumeric", "{{ regexMatch \"^[0-9]{6}$\" (randNumeric 6) }}", "true" },
        { "randAscii", "{{ len (randAscii 12) }}", "12" },
        { "randInt", "{{ randInt 5 6 }}", "5" },
        { "randBytes", "{{ len (randBytes 3) }}", "4" },
        { "shuffle", "{{ len (shuffle \"hello\") }}|{{ sortAlpha (splitList \"\" (shuffle \"cab\")) | join \"\" }}", "5|abc" },
        // Argo CD's own.
        { "normalize", "{{ normalize \"My_Cluster.Prod-\" }}", "my-cluster.prod" },
        { "slugify", "{{ slugify \"Feature/My Branch: Fix\" }}|{{ slugify 10 \"feature-branch-name\" }}|{{ slugify 10 false \"feature-branch-name\" }}", "feature-my-branch-fix|feature|feature-br" },
        // yaml.v2 quotes the key "y", which YAML 1.1 would read as a boolean.
        { "toYaml", "{{ toYaml .map }}", "x: \"1\"\n\"y\":\n  z: deep" },
        { "fromYaml", "{{ (fromYaml .yaml).a }}|{{ index (fromYaml .yaml).b 1 }}", "1|why" },
        { "fromYamlArray", "{{ fromYamlArray \"- a\\n- b\" }}", "[a b]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Function_gives_the_documented_result(string function, string template, string expected)
    {
        Assert.Contains(function, OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.FunctionNames);
        Assert.Equal(expected, OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Render(template, Data()));
    }

    [Fact]
    public void Every_offered_function_has_a_case_above()
    {
        var covered = Cases.Select(c => (string)c[0]).ToHashSet(StringComparer.Ordinal);
        covered.Add("fail"); // it can only fail: see A_string_function_given_a_number_fails_like_go
        covered.UnionWith(SprigRefusedFunctionTests.Refused); // they only fail: see SprigRefusedFunctionTests
        var missing = OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.FunctionNames.Where(f => !covered.Contains(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Empty(missing);
        Assert.True(covered.Count > 100);
    }

    [Theory]
    [InlineData("env")]
    [InlineData("expandenv")]
    [InlineData("getHostByName")]
    public void Functions_argo_cd_removes_are_unknown(string function)
    {
        Assert.DoesNotContain(function, OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.FunctionNames);
        var e = Assert.Throws<GoTemplateException>(() => OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Parse("{{ " + function + " }}"));
        Assert.Contains($"function \"{function}\" not defined", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_function_given_a_number_fails_like_go()
    {
        var e = Assert.Throws<GoTemplateException>(() => OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Render("{{ upper .n }}", Data()));
        Assert.Equal("template: :1:3: executing \"\" at <upper>: wrong type for value; expected string; got float64", e.Message);
        var f = Assert.Throws<GoTemplateException>(() => OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Render("{{ fail \"stop here\" }}", Data()));
        Assert.Equal("template: :1:3: executing \"\" at <fail>: error calling fail: stop here", f.Message);
    }

    private static string R(string template) => OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Render(template, Data());

    [Theory]
    // spf13/cast: a trailing all-zero decimal part is dropped, then Go's ParseInt with base 0; any error gives 0.
    [InlineData("0x10", "16")]
    [InlineData("0X1f", "31")]
    [InlineData("010", "8")]
    [InlineData("0o17", "15")]
    [InlineData("0b101", "5")]
    [InlineData("0x_ff", "255")]
    [InlineData("1_000", "1000")]
    [InlineData("-0x10", "-16")]
    [InlineData("1.0", "1")]
    [InlineData("12.000", "12")]
    [InlineData("1.9", "0")]
    [InlineData("1e3", "0")]
    [InlineData("08", "0")]
    [InlineData("1__0", "0")]
    [InlineData(" 1", "0")]
    [InlineData("99999999999999999999", "0")]
    public void Int_and_int64_read_strings_as_go_integer_literals_and_give_zero_on_error(string text, string expected)
    {
        Assert.Equal(expected, R("{{ int \"" + text + "\" }}"));
        Assert.Equal(expected, R("{{ int64 \"" + text + "\" }}"));
    }

    [Theory]
    // strconv.Atoi: base 10 only; a syntax error gives 0, a number out of range the nearest int64 (Sprig drops the error).
    [InlineData("42", "42")]
    [InlineData("+7", "7")]
    [InlineData("-12", "-12")]
    [InlineData("010", "10")]
    [InlineData("0x10", "0")]
    [InlineData("1_000", "0")]
    [InlineData("1.0", "0")]
    [InlineData("99999999999999999999", "9223372036854775807")]
    [InlineData("-99999999999999999999", "-9223372036854775808")]
    public void Atoi_reads_base_ten_only_as_strconv_atoi_does(string text, string expected)
        => Assert.Equal(expected, R("{{ atoi \"" + text + "\" }}"));

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("0x10", "0")]
    [InlineData(" 1", "0")]
    [InlineData("1e400", "0")]
    public void Float64_reads_strings_as_go_parse_float_and_gives_zero_on_error(string text, string expected)
        => Assert.Equal(expected, R("{{ float64 \"" + text + "\" }}"));

    [Fact]
    public void Printf_percent_t_prints_go_type_names()
    {
        Assert.Equal("string int float64 bool", R("{{ printf \"%T %T %T %T\" \"a\" 1 1.5 true }}"));
        Assert.Equal("map[string]interface {} []interface {} <nil> float64", R("{{ printf \"%T %T %T %T\" .map .list nil .n }}"));
        Assert.Equal("<nil>", R("{{ printf \"%T\" .missing }}"));
    }

    [Fact]
    public void Replace_with_an_empty_old_string_inserts_before_every_character_and_at_the_end_as_go_does()
        => Assert.Equal("-a-b-c-", R("{{ replace \"\" \"-\" \"abc\" }}"));
}
