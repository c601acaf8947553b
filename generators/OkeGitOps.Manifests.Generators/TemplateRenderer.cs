using System;
using System.IO;
using Scriban;
using Scriban.Runtime;

namespace OkeGitOps.Manifests.Generators;

/// <summary>Renders output models with the Scriban templates embedded from <c>Templates/*.sbncs</c>. Templates are parsed once.</summary>
internal static class TemplateRenderer
{
    private static readonly Lazy<Template> Record = new(() => Load("Record.sbncs"));
    private static readonly Lazy<Template> Enum = new(() => Load("Enum.sbncs"));
    private static readonly Lazy<Template> Factory = new(() => Load("Factory.sbncs"));
    private static readonly Lazy<Template> Registry = new(() => Load("Registry.sbncs"));

    public static string Render(OutputModel model)
    {
        var template = model switch
        {
            RecordModel => Record.Value,
            EnumModel => Enum.Value,
            FactoryModel => Factory.Value,
            RegistryModel => Registry.Value,
            _ => throw new ArgumentException("unknown output model", nameof(model)),
        };
        var globals = new ScriptObject();
        globals.Import(model);
        var context = new TemplateContext { LoopLimit = 0, RecursiveLimit = 0, StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(globals);
        return template.Render(context).Replace("\r\n", "\n");
    }

    private static Template Load(string name)
    {
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Template '{name}' is not embedded.");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), name);
        if (template.HasErrors) throw new InvalidOperationException($"Template '{name}': {string.Join("; ", template.Messages)}");
        return template;
    }
}
