using OkeGitOps.Manifests.Repo;

// A first, small render: an Argo CD namespace and an internal OCI load balancer for argocd-server, validated and
// written to ./out-hello (or --out DIR). The folder is replaced as a whole; --check only reports what would change.
return RepoCommand.Run(args, HelloManifests.Build, new RepoCommandOptions { DefaultOutput = "out-hello" });
