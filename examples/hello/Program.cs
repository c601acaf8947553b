using OkeGitOps.Manifests.Repo;

// A first, small render: an Argo CD namespace and an internal OCI load balancer for argocd-server,
// written to ./out-hello (or the folder given as the first argument). The folder is replaced as a whole.
var output = args.Length > 0 ? args[0] : "out-hello";
var files = HelloManifests.Build();
RepoWriter.Write(output, files);
Console.WriteLine($"wrote {files.Count} manifests to {Path.GetFullPath(output)}");
