// Prints the README's model tables at the default seed: the default preset's trajectory and each preset's final metrics.
import { PRESETS, presetParams, runSimulation, type StepMetrics } from '../src/engine';

const pct = (v: number | null) => (v === null ? 'n/a' : `${(100 * v).toFixed(1)}%`);
const num = (v: number | null, digits = 3) => (v === null ? 'n/a' : v.toFixed(digits));
const int = (v: number) => v.toLocaleString('en-US');
const hits = (r: StepMetrics) => `${pct(r.hitRate.low)} / ${pct(r.hitRate.mid)} / ${pct(r.hitRate.high)}`;

const loop = runSimulation(presetParams(PRESETS[0]!));
const trajectory = [
  '| step | distinct songs shown | Gini of plays | consumption homogenization | head click share | hit rate < 100 / 100–1,000 / > 1,000 plays |',
  '| --- | --- | --- | --- | --- | --- |',
  `| before step 1 | — | ${num(loop.initial.gini)} | — | — | — |`,
];
for (const t of [1, 10, 25, 50, 100]) {
  const r = loop.steps[t - 1]!;
  trajectory.push(`| ${t} | ${int(r.aggregateDiversity)} | ${num(r.gini)} | ${num(r.consumptionHomogenization)} | ${pct(r.headClickShare)} | ${hits(r)} |`);
}

const presets = [
  '| preset | Gini (start → end) | distinct songs (step 1 → 100) | listening alike | slates alike | hit rate < 100 / 100–1,000 / > 1,000 | mean relevance | regret niche / mainstream |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const preset of PRESETS) {
  const { initial, steps, summary } = preset === PRESETS[0] ? loop : runSimulation(presetParams(preset));
  const f = summary.final!;
  const regret = `${num(f.utilityRegretByTaste.niche)} / ${num(f.utilityRegretByTaste.mainstream)}`;
  presets.push(
    `| \`${preset.name}\` | ${num(initial.gini)} → ${num(f.gini)} | ${int(steps[0]!.aggregateDiversity)} → ${int(f.aggregateDiversity)} | ${num(f.consumptionHomogenization)} | ${num(f.homogenization)} | ${hits(f)} | ${num(f.meanRelevance)} | ${regret} |`,
  );
}
console.log(`Trajectory of \`loop-forms\` (seed ${loop.config.seed}):\n\n${trajectory.join('\n')}\n\nPresets at step ${loop.config.steps}:\n\n${presets.join('\n')}`);
