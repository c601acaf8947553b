using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Core;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.TypedModels;

/// <summary>The typed model reader reads null as the API server does: the field is unset, not an extra field.</summary>
public class ModelNullTests
{
    [Fact]
    public void A_null_optional_field_reads_as_unset_and_is_not_kept_as_an_extra_field()
    {
        var node = YamlReader.ReadAll("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  creationTimestamp: null\nspec:\n  type: null\n  selector: {app: web}\n")[0].Root;
        var service = Service.FromNode(node);
        Assert.Empty(service.GetExtraFields());
        Assert.Null(service.Spec!.Type);
        Assert.Equal("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n", YamlEmitter.Emit(service.ToNode()));
    }

    [Fact]
    public void A_number_field_reads_an_integer()
    {
        Assert.Equal(3.0, ModelNodes.ReadNumber(Integer(3)));
        Assert.Equal(0.5, ModelNodes.ReadNumber(Number(0.5)));
        Assert.Throws<ModelConversionException>(() => ModelNodes.ReadNumber(String("3")));
    }
}
