using BenchmarkDotNet.Running;
using Wb6Graph.Benchmarks;

// `latency [--quikgraph]`: p50/p99 per question on the synthetic graph; `quikgraph-yen [--limit SECONDS]`: QuikGraph's
// Yen beside ours on one pair; `curated DIR`: the curated-graph questions;
// anything else goes to BenchmarkDotNet (e.g. `--filter *Traversal*`).
switch (args.FirstOrDefault())
{
    case "latency":
        LatencyRunner.Run(args);
        break;
    case "quikgraph-yen":
        LatencyRunner.QuikGraphYen(args);
        break;
    case "curated":
        LatencyRunner.Curated(args.ElementAtOrDefault(1) ?? "graph-seeds");
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(TraversalBenchmarks).Assembly).Run(args);
        break;
}
