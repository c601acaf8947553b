using OkeGitOps.Manifests.AppSets.GoTemplate;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>The list generator: one parameter set per element of <c>elements</c>, then per item of <c>elementsYaml</c>.</summary>
internal sealed partial class GeneratorRunner
{
    private List<Dictionary<string, object?>> ListParams(MappingNode spec, NodePath path)
    {
        var result = new List<Dictionary<string, object?>>();
        if (spec.GetValueOrDefault("elements") is SequenceNode elements)
        {
            CheckCount(elements.Count, path.Key("elements"), elements);
            for (var i = 0; i < elements.Count; i++)
            {
                var at = path.Key("elements").Index(i);
                if (elements[i] is not MappingNode element)
                    throw Error("error unmarshling element: each list element must be a mapping", at, elements[i]);
                var value = (Dictionary<string, object?>)TemplateData.FromNode(element)!;
                if (UseGo)
                {
                    result.Add(value);
                    continue;
                }
                // fasttemplate: every value must be a string; 'values' is a map of strings added as values.<key>.
                var flat = ParamSets.New();
                foreach (var entry in element.Entries)
                {
                    if (entry.Key == "values")
                    {
                        if (entry.Value is not MappingNode values)
                            throw Error("error parsing values map", at.Key("values"), entry.Value);
                        foreach (var v in values.Entries)
                        {
                            if (v.Value is not Tree.StringNode sv)
                                throw Error($"error parsing value as string {GoValues.Print(TemplateData.FromNode(v.Value))}", at.Key("values").Key(v.Key), v.Value,
                                    suggestion: "quote the value, or set goTemplate: true to use values of other types");
                            flat["values." + v.Key] = sv.Value;
                        }
                    }
                    else if (entry.Value is Tree.StringNode s)
                    {
                        flat[entry.Key] = s.Value;
                    }
                    else
                    {
                        throw Error($"error parsing value as string {GoValues.Print(TemplateData.FromNode(entry.Value))}", at.Key(entry.Key), entry.Value,
                            suggestion: "quote the value, or set goTemplate: true to use values of other types");
                    }
                }
                result.Add(flat);
            }
        }
        if (spec.GetString("elementsYaml") is { Length: > 0 } yaml)
        {
            var at = path.Key("elementsYaml");
            ManifestNode root;
            try
            {
                var docs = YamlReader.ReadAll(yaml);
                root = docs.Count == 0 ? ManifestNode.Null : docs[0].Root;
            }
            catch (Diagnostics.ManifestException e)
            {
                throw Error($"error unmarshling decoded ElementsYaml {e.Diagnostics[0].Message}", at, spec.GetValueOrDefault("elementsYaml"));
            }
            if (root is not SequenceNode items && root is not NullNode)
                throw Error("error unmarshling decoded ElementsYaml: the YAML must be a list of mappings", at, spec.GetValueOrDefault("elementsYaml"));
            if (root is SequenceNode list)
            {
                CheckCount(result.Count + list.Count, at, spec);
                foreach (var item in list)
                {
                    if (item is not MappingNode m)
                        throw Error("error unmarshling decoded ElementsYaml: each item must be a mapping", at, spec.GetValueOrDefault("elementsYaml"));
                    result.Add((Dictionary<string, object?>)TemplateData.FromNode(m)!);
                }
            }
        }
        return result;
    }
}
