// A console runner rather than BenchmarkDotNet: one iteration of a 10M-row load or scan takes seconds, needs a fresh
// table (or a prepared dataset) around it, and its figure that matters is a rate or a ratio to the engine's own timing.
// BenchmarkDotNet's pilot, overhead and many-iteration phases would take the better part of an hour per suite here,
// and it has no place for an engine-reported time beside ours. Warm-up plus K timed runs, median and min, is enough.
using Northstar.Bench;

return await BenchCommand.Create().Parse(args).InvokeAsync();
