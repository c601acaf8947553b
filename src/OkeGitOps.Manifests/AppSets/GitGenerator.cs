using System.Globalization;
using OkeGitOps.Manifests.AppSets.GoTemplate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// The Git generators, reading a local folder that stands for the repository at its revision. Directories: every
/// folder (hidden ones and what is below them skipped) matching an include pattern and no exclude pattern, in walk
/// order. Files: every file, hidden ones and those in hidden folders included (as <c>git ls-files</c> lists them),
/// matching an include pattern and no exclude pattern, sorted by path; each file gives one parameter set, or one per
/// item when it holds a list. The <c>.git</c> folder is never content.
/// </summary>
internal sealed partial class GeneratorRunner
{
    private List<Dictionary<string, object?>> GitParams(MappingNode spec, NodePath path)
    {
        var repoUrl = spec.GetString("repoURL") ?? "";
        if (!_input.Repositories.TryGetValue(repoUrl, out var root) && !_input.Repositories.TryGetValue(repoUrl.TrimEnd('/'), out root))
        {
            throw Error($"no local folder for the Git repository '{repoUrl}'", path.Key("repoURL"), spec.GetValueOrDefault("repoURL") ?? spec,
                AppSetRules.RepositoryNotMapped, $"map it to a checkout at revision '{spec.GetString("revision") ?? "HEAD"}' with --repo {repoUrl}=DIR");
        }
        if (!Directory.Exists(root))
            throw Error($"the local folder '{root}' for '{repoUrl}' does not exist", path.Key("repoURL"), spec, AppSetRules.RepositoryNotMapped);
        var values = spec.GetValueOrDefault("values") as MappingNode;
        var prefix = spec.GetString("pathParamPrefix") ?? "";
        if (spec.GetValueOrDefault("directories") is SequenceNode dirs && dirs.Count > 0)
            return DirectoryParams(root, dirs, values, prefix, path);
        if (spec.GetValueOrDefault("files") is SequenceNode files && files.Count > 0)
            return FileParams(root, files, values, prefix, path);
        throw Error("a git generator needs 'directories' or 'files'", path, spec);
    }

    private List<string> Walk(string root, bool directories)
    {
        var result = new List<string>();
        var count = 0;
        void Visit(string dir, string rel)
        {
            var entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (++count > Limits.MaxGitFiles)
                    throw new AppSetException(Diagnostic.Error(AppSetRules.LimitExceeded, $"the repository folder '{root}' holds more than {Limits.MaxGitFiles} entries"));
                var childRel = rel.Length == 0 ? entry.Name : rel + "/" + entry.Name;
                if (entry is DirectoryInfo d)
                {
                    if (entry.Name == ".git" || (directories && entry.Name.StartsWith('.'))) continue;
                    if ((d.Attributes & FileAttributes.ReparsePoint) != 0) continue;
                    if (directories) result.Add(childRel);
                    Visit(d.FullName, childRel);
                }
                else if (!directories && !(rel.Length == 0 && entry.Name == ".git"))
                {
                    // A .git file (a worktree's or submodule's pointer) is Git's, not the repository's content.
                    result.Add(childRel);
                }
            }
        }
        Visit(root, "");
        return result;
    }

    private List<Dictionary<string, object?>> DirectoryParams(string root, SequenceNode dirs, MappingNode? values, string prefix, NodePath path)
    {
        var patterns = new List<(System.Text.RegularExpressions.Regex Pattern, bool Exclude)>();
        foreach (var item in dirs)
        {
            if (item is not MappingNode m || m.GetString("path") is not { } p) continue;
            patterns.Add((GitGlob.PathMatch(p), m.GetValueOrDefault("exclude") is BooleanNode { Value: true }));
        }
        var result = new List<Dictionary<string, object?>>();
        foreach (var dir in Walk(root, directories: true))
        {
            var include = false;
            var exclude = false;
            foreach (var (pattern, isExclude) in patterns)
            {
                if (!pattern.IsMatch(dir)) continue;
                if (isExclude) exclude = true;
                else include = true;
            }
            if (!include || exclude) continue;
            var p = ParamSets.New();
            var name = prefix.Length > 0 ? prefix + ".path" : "path";
            var basename = SprigFunctions.PathBase(dir);
            if (UseGo)
            {
                var pathParam = ParamSets.New();
                pathParam["path"] = dir;
                pathParam["basename"] = basename;
                pathParam["basenameNormalized"] = ArgoFunctions.Normalize(basename);
                pathParam["segments"] = dir.Split('/').Cast<object?>().ToList();
                if (prefix.Length > 0) p[prefix] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["path"] = pathParam };
                else p["path"] = pathParam;
            }
            else
            {
                p[name] = dir;
                p[name + ".basename"] = basename;
                p[name + ".basenameNormalized"] = ArgoFunctions.Normalize(basename);
                AddSegments(p, name, dir);
            }
            _renderer.AppendValues(values, p, path.Key("values"));
            result.Add(p);
            CheckCount(result.Count, path.Key("directories"), dirs);
        }
        return result;
    }

    private static void AddSegments(Dictionary<string, object?> p, string name, string dir)
    {
        var segments = dir.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0) p[name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"] = segments[i];
        }
    }

    private List<Dictionary<string, object?>> FileParams(string root, SequenceNode files, MappingNode? values, string prefix, NodePath path)
    {
        var all = Walk(root, directories: false);
        var selected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in files)
        {
            if (item is not MappingNode m || m.GetString("path") is not { } p || m.GetValueOrDefault("exclude") is BooleanNode { Value: true }) continue;
            var pattern = GitGlob.FileMatch(p, _input.NewGitFileGlobbing);
            foreach (var f in all.Where(f => pattern.IsMatch(f))) selected.Add(f);
        }
        foreach (var item in files)
        {
            if (item is not MappingNode m || m.GetString("path") is not { } p || m.GetValueOrDefault("exclude") is not BooleanNode { Value: true }) continue;
            var pattern = GitGlob.FileMatch(p, _input.NewGitFileGlobbing);
            selected.RemoveWhere(f => pattern.IsMatch(f));
        }
        var result = new List<Dictionary<string, object?>>();
        foreach (var file in selected)
        {
            var objects = ReadParamFile(Path.Combine(root, file), file, path.Key("files"), files);
            foreach (var obj in objects)
            {
                var p = ParamSets.New();
                var dir = SprigFunctions.PathDir(file);
                var basename = SprigFunctions.PathBase(dir);
                var filename = SprigFunctions.PathBase(file);
                if (UseGo)
                {
                    foreach (var (k, v) in obj) p[k] = v;
                    var pathParam = ParamSets.New();
                    pathParam["path"] = dir;
                    pathParam["basename"] = basename;
                    pathParam["filename"] = filename;
                    pathParam["basenameNormalized"] = ArgoFunctions.Normalize(basename);
                    pathParam["filenameNormalized"] = ArgoFunctions.Normalize(filename);
                    pathParam["segments"] = dir.Split('/').Cast<object?>().ToList();
                    if (prefix.Length > 0) p[prefix] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["path"] = pathParam };
                    else p["path"] = pathParam;
                }
                else
                {
                    foreach (var (k, v) in ParamSets.Flatten(obj)) p[k] = GoValues.Print(v);
                    var name = prefix.Length > 0 ? prefix + ".path" : "path";
                    p[name] = dir;
                    p[name + ".basename"] = basename;
                    p[name + ".filename"] = filename;
                    p[name + ".basenameNormalized"] = ArgoFunctions.Normalize(basename);
                    p[name + ".filenameNormalized"] = ArgoFunctions.Normalize(filename);
                    AddSegments(p, name, dir);
                }
                _renderer.AppendValues(values, p, path.Key("values"));
                result.Add(p);
                CheckCount(result.Count, path.Key("files"), files);
            }
        }
        return result;
    }

    /// <summary>
    /// A JSON or YAML file: a list of objects, or one object. An empty list (or an empty file) gives one parameter set
    /// holding only the path parameters: Argo CD's git generator reads the file as a list first and, when that list
    /// has no items, adds one empty object in its place.
    /// </summary>
    private static List<Dictionary<string, object?>> ReadParamFile(string fullPath, string relative, NodePath path, ManifestNode at)
    {
        ManifestNode root;
        if (FileModes.IsSpecial(fullPath))
            throw Error($"unable to process file '{relative}': it is a pipe, socket or device, not a regular file, so it is not read", path, at,
                suggestion: "narrow the files pattern so it matches only regular files");
        try
        {
            var docs = YamlReader.ReadFile(fullPath);
            root = docs.Count == 0 ? ManifestNode.Null : docs[0].Root;
        }
        catch (ManifestException e)
        {
            throw Error($"unable to process file '{relative}': unable to parse file: {e.Diagnostics[0].Message}", path, at,
                suggestion: "fix the file, or narrow the files pattern so it does not match it");
        }
        switch (root)
        {
            case SequenceNode list:
                if (list.Count == 0) return [ParamSets.New()];
                var result = new List<Dictionary<string, object?>>();
                foreach (var item in list)
                {
                    if (item is not MappingNode m)
                        throw Error($"unable to process file '{relative}': unable to parse file: every list item must be a mapping", path, at);
                    result.Add((Dictionary<string, object?>)TemplateData.FromNode(m)!);
                }
                return result;
            case MappingNode m:
                return [(Dictionary<string, object?>)TemplateData.FromNode(m)!];
            case NullNode:
                return [ParamSets.New()];
            default:
                throw Error($"unable to process file '{relative}': unable to parse file: the file must hold a mapping or a list of mappings", path, at);
        }
    }
}
