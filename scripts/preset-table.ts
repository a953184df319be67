// Prints a markdown table of each preset's final metrics at the default seed (for the README and docs).
import { PRESETS, presetParams, runSimulation } from '../src/engine';

const pct = (v: number | null) => (v === null ? 'n/a' : `${(100 * v).toFixed(1)}%`);
const num = (v: number | null, digits = 3) => (v === null ? 'n/a' : v.toFixed(digits));

const lines = [
  '| preset | Gini (start → end) | homogenization | long-tail share | hit rate < 100 / 100–1,000 / > 1,000 | mean relevance | utility regret |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];
for (const preset of PRESETS) {
  const { initial, summary } = runSimulation(presetParams(preset));
  const f = summary.final!;
  const hit = `${pct(f.hitRate.low)} / ${pct(f.hitRate.mid)} / ${pct(f.hitRate.high)}`;
  lines.push(
    `| \`${preset.name}\` | ${num(initial.gini)} → ${num(f.gini)} | ${num(f.homogenization)} | ${pct(f.longTailShare)} | ${hit} | ${num(f.meanRelevance)} | ${num(f.utilityRegret)} |`,
  );
}
console.log(lines.join('\n'));
