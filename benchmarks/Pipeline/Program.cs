using BenchmarkDotNet.Running;
using Overholt.Benchmarks.Pipeline;

// The app factory finds the app's content root through MvcTestingAppManifest.json in the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
BenchmarkSwitcher.FromAssembly(typeof(ProductReadBenchmarks).Assembly).Run(args);
