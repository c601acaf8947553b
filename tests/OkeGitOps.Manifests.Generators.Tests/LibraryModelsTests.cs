using System.Reflection;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Generators.Tests;

/// <summary>Tests over the models generated into the library itself from the repository's schemas/.</summary>
public sealed class LibraryModelsTests
{
    private static readonly Assembly Library = typeof(ManifestNode).Assembly;

    private static Type? Model(string name) => Library.GetType("OkeGitOps.Manifests.Models." + name);

    private static Type PropertyType(Type type, string name)
    {
        var t = type.GetProperty(name)?.PropertyType ?? throw new InvalidOperationException($"{type.Name} has no {name}.");
        return Nullable.GetUnderlyingType(t) ?? t;
    }

    [Fact]
    public void ApplicationSet_template_spec_is_the_Application_spec_type()
    {
        var application = Model("Argo.Application");
        var applicationSet = Model("Argo.ApplicationSet");
        Assert.NotNull(application);
        Assert.NotNull(applicationSet);
        var appSpec = PropertyType(application, "Spec");
        var templateSpec = PropertyType(PropertyType(PropertyType(applicationSet, "Spec"), "Template"), "Spec");
        Assert.Same(appSpec, templateSpec);
    }

    [Fact]
    public void Every_generated_model_round_trips_an_empty_instance()
    {
        var models = Library.GetTypes().Where(t => typeof(Models.IManifestModel).IsAssignableFrom(t) && !t.IsInterface).ToList();
        Assert.True(models.Count >= 10, $"only {models.Count} generated models were found in the library");
        foreach (var type in models)
        {
            var instance = (Models.IManifestModel)Activator.CreateInstance(type)!;
            var node = instance.ToNode();
            var back = type.GetMethod("FromNode", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [node]);
            Assert.Equal(instance, back);
        }
    }
}
