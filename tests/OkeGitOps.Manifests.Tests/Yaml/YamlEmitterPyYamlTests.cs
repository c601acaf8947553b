using FsCheck;
using FsCheck.Fluent;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.Yaml;

/// <summary>
/// Cross-checks the emitter against an independent YAML 1.1 reader: PyYAML resolves plain scalars by the
/// YAML 1.1 rules that Kubernetes' Go parser follows, so anything it reads differently Kubernetes may too.
/// </summary>
public class YamlEmitterPyYamlTests
{
    [SkippableFact]
    public void PyYAML_reads_every_classic_problem_value_back_as_the_identical_string()
    {
        Skip.IfNot(PyYaml.WhyUnavailable is null, PyYaml.WhyUnavailable);
        var values = ClassicYamlValues.All.Distinct().ToArray();
        var root = Map(values.Select((v, i) => ($"k{i:D3}", (ManifestNode)String(v))).ToArray());

        var read = Assert.IsType<MappingNode>(Assert.Single(PyYaml.LoadAll(YamlEmitter.Emit(root))));

        Assert.Equal(values.Length, read.Count);
        for (var i = 0; i < values.Length; i++)
        {
            var value = read[$"k{i:D3}"];
            Assert.True(value is StringNode s && s.Value == values[i],
                $"wrote {ManifestTreeGen.Describe(String(values[i]))}, PyYAML read {ManifestTreeGen.Describe(value)}");
        }
    }

    [SkippableFact]
    public void PyYAML_reads_every_classic_problem_key_back_as_the_identical_string()
    {
        Skip.IfNot(PyYaml.WhyUnavailable is null, PyYaml.WhyUnavailable);
        var keys = ClassicYamlValues.All.Distinct().ToArray();
        var root = Map(keys.Select((k, i) => (k, (ManifestNode)Integer(i))).ToArray());

        var read = Assert.IsType<MappingNode>(Assert.Single(PyYaml.LoadAll(YamlEmitter.Emit(root))));

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(read.TryGetValue(keys[i], out var value) && value.Equals(Integer(i)),
                $"key {ManifestTreeGen.Describe(String(keys[i]))} did not come back");
        }
        Assert.Equal(keys.Length, read.Count);
    }

    [SkippableFact]
    public void PyYAML_reads_generated_trees_back_as_equal_trees()
    {
        Skip.IfNot(PyYaml.WhyUnavailable is null, PyYaml.WhyUnavailable);
        // One python3 process for the lot: a fixed seed keeps the test repeatable.
        var trees = Gen.Sample(ManifestTreeGen.Tree, 400, new Rnd(20261126UL, 0x9E3779B97F4A7C15UL), 100);

        var read = PyYaml.LoadAll(YamlEmitter.EmitAll(trees));

        Assert.Equal(trees.Length, read.Count);
        for (var i = 0; i < trees.Length; i++)
        {
            Assert.True(trees[i].Equals(read[i]),
                $"document {i}: wrote {ManifestTreeGen.Describe(trees[i])}\nas:\n{YamlEmitter.Emit(trees[i])}\nPyYAML read {ManifestTreeGen.Describe(read[i])}");
        }
    }

    [SkippableFact]
    public void PyYAML_reads_long_and_heavily_escaped_keys_and_kept_block_literals_at_document_ends()
    {
        Skip.IfNot(PyYaml.WhyUnavailable is null, PyYaml.WhyUnavailable);
        var trees = new ManifestNode[]
        {
            Map((new string('k', 300), Integer(1)), ("z", String("x\n\n"))),
            Map(("a", String("😀" + new string('é', 200)))),
            Map((new string('\uFFFE', 170), Integer(2)), (new string('\uFFFE', 171), Integer(3))),
            String("last\n\n\n"),
        };

        Assert.Equal(trees, PyYaml.LoadAll(YamlEmitter.EmitAll(trees)));
    }
}
