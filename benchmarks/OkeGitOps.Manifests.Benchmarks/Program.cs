using BenchmarkDotNet.Running;

// Run all benchmarks: dotnet run -c Release --project benchmarks/OkeGitOps.Manifests.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point holder for the benchmark runner.</summary>
public partial class Program;
