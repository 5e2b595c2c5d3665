using BenchmarkDotNet.Running;
using Wb6Graph.Benchmarks;

// `latency [--quikgraph]`: p50/p99 per question on the synthetic graph; `quikgraph-yen [--limit SECONDS]`: QuikGraph's
// Yen beside ours on one pair; `curated DIR`: the curated-graph questions; `reliability [--short]`: the reliability suite
// against the API as a child process (tests/reliability/run);
// anything else goes to BenchmarkDotNet (e.g. `--filter *Traversal*`).
switch (args.FirstOrDefault())
{
    case "latency":
        LatencyRunner.Run(args);
        break;
    case "quikgraph-yen":
        LatencyRunner.QuikGraphYen(args);
        break;
    case "reliability":
        return Wb6Graph.Benchmarks.Reliability.ReliabilityRunner.Run(args);
    case "curated":
        LatencyRunner.Curated(args.ElementAtOrDefault(1) ?? "graph-seeds");
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(TraversalBenchmarks).Assembly).Run(args);
        break;
}
return 0;
