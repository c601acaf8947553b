using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OkeGitOps.Manifests.Generators.Tests;

/// <summary>
/// Every ```csharp block of README.md compiles against the library, as written. A block is compiled on its own as
/// top-level statements, with every public namespace of the library imported and the names the prose takes as given
/// (<c>vaultOcid</c>, <c>document</c>, …, see <see cref="Givens"/>) declared when the block uses them without declaring
/// them. Errors point at README.md lines, so a failing block says where it is.
/// </summary>
public class ReadmeCodeBlockTests
{
    /// <summary>Names README blocks use as given; add one here when a new block needs another.</summary>
    private static readonly (string Name, string Declaration)[] Givens =
    [
        ("ns", "var ns = OkeGitOps.Manifests.Tree.ManifestNode.Map((\"apiVersion\", OkeGitOps.Manifests.Tree.ManifestNode.String(\"v1\")));"),
        ("other", "OkeGitOps.Manifests.Tree.ManifestNode other = null!;"),
        ("document", "OkeGitOps.Manifests.Tree.ManifestDocument document = null!;"),
        ("files", "System.Collections.Generic.List<OkeGitOps.Manifests.Repo.RepoFile> files = [];"),
        ("clusterOcid", "string clusterOcid = \"ocid1.cluster.oc1.iad.aaaaaaaaexampleclusteruniqueid0000000000000000000000000\";"),
        ("compartmentOcid", "string compartmentOcid = \"ocid1.compartment.oc1..aaaaaaaaexamplecompartmentuniqueid000000000000000000000\";"),
        ("vaultOcid", "string vaultOcid = \"ocid1.vault.oc1.iad.aaaaaaaaexamplevaultuniqueid00000000000000000000000000000\";"),
        ("nsgOcid", "string nsgOcid = \"ocid1.networksecuritygroup.oc1.iad.aaaaaaaaexamplensguniqueid0000000000000000000000000\";"),
        ("subnetOcid", "string subnetOcid = \"ocid1.subnet.oc1.iad.aaaaaaaaexamplesubnetuniqueid0000000000000000000000000\";"),
        ("certificateOcid", "string certificateOcid = \"ocid1.certificate.oc1.iad.aaaaaaaaexamplecertuniqueid0000000000000000000000000\";"),
        ("wafPolicyOcid", "string wafPolicyOcid = \"ocid1.webappfirewallpolicy.oc1.iad.aaaaaaaaexamplewafuniqueid00000000000000000000000\";"),
        ("dnsService", "OkeGitOps.Manifests.Models.Core.Service dnsService = null!;"),
        ("webIngress", "OkeGitOps.Manifests.Models.Networking.Ingress webIngress = null!;"),
        ("controllerIdentity", "OkeGitOps.Manifests.Intent.Eso.WorkloadIdentity controllerIdentity = null!;"),
    ];

    public static TheoryData<int> Blocks => [.. ReadBlocks().Select(b => b.Line)];

    [Fact]
    public void The_readme_has_library_code_blocks_to_check() => Assert.True(ReadBlocks().Count >= 5, "README.md should show library use in ```csharp blocks");

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Readme_csharp_block_compiles_against_the_library(int line)
    {
        var block = ReadBlocks().Single(b => b.Line == line);
        var source = Program(block);
        var compilation = CSharpCompilation.Create($"ReadmeBlock{line}",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "block.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0,
            $"README.md block starting at line {line} does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())) + "\n\nas compiled:\n" + source);
    }

    private sealed record Block(int Line, IReadOnlyList<string> Lines);

    private static string Program(Block block)
    {
        var usings = block.Lines.Where(l => l.TrimStart().StartsWith("using ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(';')).ToList();
        var body = block.Lines.Select((l, i) => (Text: l, Index: i)).Where(l => !usings.Contains(l.Text)).ToList();
        var bodyText = string.Join("\n", body.Select(b => b.Text));
        var sb = new StringBuilder();
        foreach (var ns in LibraryNamespaces.Value) sb.Append("using ").Append(ns).Append(";\n");
        foreach (var u in usings.Distinct()) sb.Append(u.Trim()).Append('\n');
        foreach (var (name, declaration) in Givens)
        {
            var uses = Regex.IsMatch(bodyText, $@"(?<![\w.""]){Regex.Escape(name)}\b");
            var declares = Regex.IsMatch(bodyText, $@"(\bvar|[\w>\]?]+)\s+{Regex.Escape(name)}\s*=");
            if (uses && !declares) sb.Append(declaration).Append('\n');
        }
        // Errors in the block's own lines point at README.md.
        var first = body.Count == 0 ? 0 : body[0].Index;
        sb.Append($"#line {block.Line + 1 + first} \"README.md\"\n");
        foreach (var (text, _) in body) sb.Append(text).Append('\n');
        return sb.ToString();
    }

    private static List<Block> ReadBlocks()
    {
        var readme = Path.Combine(RepoRoot(), "README.md");
        var lines = File.ReadAllLines(readme);
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp") continue;
            var indent = lines[i].Length - lines[i].TrimStart().Length;
            var start = i + 1;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++) body.Add(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
            blocks.Add(new Block(start, body));
        }
        return blocks;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OkeGitOps.Manifests.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("OkeGitOps.Manifests.sln not found above the test binaries");
    }

    private static readonly Lazy<IReadOnlyList<string>> LibraryNamespaces = new(() =>
        [.. typeof(OkeGitOps.Manifests.Tree.ManifestNode).Assembly.GetExportedTypes().Select(t => t.Namespace!).Where(n => n is not null).Distinct().Order(StringComparer.Ordinal),
            "System", "System.Collections.Generic", "System.IO", "System.Linq"]);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return [.. platform.Concat(local).GroupBy(Path.GetFileName).Select(g => g.First())
            .Where(p => { try { System.Reflection.AssemblyName.GetAssemblyName(p); return true; } catch (BadImageFormatException) { return false; } })
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });
}
