// Measures a run's peak memory against the estimate of src/engine/params/memory.ts (the table in its comment).
//
//   node --expose-gc --import tsx scripts/measure-memory.ts '{"users":10000,"songs":10000,"steps":20}' [gcEvery]
//
// Prints the estimate and the peak of heapUsed + external above the start (garbage collected every
// `gcEvery` steps, default 1, and sampled after every step), the peak RSS growth and the run's time.
import { defaultParams, estimateRunBytes, formatJson, packageRun, Simulation, type Params, type StepMetrics } from '../src/engine';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with node --expose-gc --import tsx scripts/measure-memory.ts');
  process.exit(2);
}
const params = { ...defaultParams(), ...(JSON.parse(process.argv[2] ?? '{}') as Partial<Params>) } as Params;
const gcEvery = Number(process.argv[3] ?? 1);
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
gc();
const base = used();
const baseRss = process.memoryUsage().rss;
const start = performance.now();
let peak = 0;
const sim = new Simulation(params);
const rows: StepMetrics[] = [];
while (!sim.done) {
  rows.push(sim.step());
  peak = Math.max(peak, used() - base);
  if (sim.t % gcEvery === 0) gc();
}
const text = formatJson(packageRun(params, sim.initial, rows));
peak = Math.max(peak, used() - base);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  JSON.stringify({
    estimate: mb(estimateRunBytes(params)),
    measured: mb(peak),
    rssGrowth: mb(process.resourceUsage().maxRSS * 1024 - baseRss),
    seconds: Math.round((performance.now() - start) / 100) / 10,
    outputChars: text.length,
  }),
);
