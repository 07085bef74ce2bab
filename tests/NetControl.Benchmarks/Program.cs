using BenchmarkDotNet.Running;

// BenchmarkDotNet suite: dotnet run -c Release --project tests/NetControl.Benchmarks -- --filter '*'
// (add --job short for a quicker run). Each class pairs QuikGraph (Baseline = true) with ours.
BenchmarkSwitcher.FromAssembly(typeof(NetControl.Benchmarks.OverlayTreeBenchmarks).Assembly).Run(args);
