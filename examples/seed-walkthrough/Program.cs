using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Repo;
using SeedWalkthrough;

// Writes the article's manifests, corrected, into the folder given (default ./out-seed-walkthrough).
var output = args.Length > 0 ? args[0] : "out-seed-walkthrough";
try
{
    var (files, warnings) = new RepoRenderer().Render(SeedManifests.Files());
    foreach (var warning in warnings) Console.Error.WriteLine(warning);
    RepoWriter.Write(output, files);
    Console.WriteLine($"wrote {files.Count} files to {Path.GetFullPath(output)}");
    return 0;
}
catch (ManifestException e)
{
    foreach (var d in e.Diagnostics) Console.Error.WriteLine(d);
    return 1;
}
