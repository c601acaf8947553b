using OkeGitOps.Manifests.Repo;
using SeedWalkthrough;

// Writes the article's manifests, corrected, into ./out-seed-walkthrough (or --out DIR), after validating them all;
// --check only reports what would change.
return RepoCommand.Run(args, SeedManifests.Files, new RepoCommandOptions { DefaultOutput = "out-seed-walkthrough" });
