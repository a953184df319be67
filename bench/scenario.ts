// Benchmark child: runs one scenario (after a small JIT warm-up) and prints its measurements as one JSON line.
import { readFileSync } from 'node:fs';
import { defaultParams, Simulation, validateParams, type Params } from '../src/engine/index';

/** What the parent asks for: parameter overrides on top of defaultParams(). */
export interface ScenarioRequest {
  readonly overrides: Partial<Params>;
  /** Skip the warm-up run (default false). */
  readonly noWarmup?: boolean;
  /** Measured runs after the warm-up (default 1); the median time is reported. */
  readonly repeats?: number;
}

/** What the child reports back. */
export interface ScenarioMeasurement {
  /** Median wall time of the measured runs. */
  readonly seconds: number;
  /** Every measured run's wall time, in order. */
  readonly runSeconds: number[];
  readonly steps: number;
  readonly impressions: number;
  readonly clicks: number;
  /** Peak resident memory of this process in MB (VmHWM, else the max rss sampled after each step). */
  readonly peakMB: number;
  readonly peakSource: 'VmHWM' | 'rss-sampled';
  /** ArrayBuffer (typed array) memory in MB at the end of the last run, the simulation still alive. */
  readonly arrayBuffersMB: number;
  /** Resident memory in MB before the first world is built (Node + tsx + modules). */
  readonly baselineMB: number;
}

/** Runs `params` to the end; returns wall time (world generation included) and the step totals. */
function runOnce(
  params: Params,
  sampleRss: () => void,
): { seconds: number; steps: number; impressions: number; clicks: number; arrayBuffersMB: number } {
  const t0 = performance.now();
  const sim = new Simulation(params);
  let steps = 0;
  let impressions = 0;
  let clicks = 0;
  while (!sim.done) {
    const row = sim.step();
    steps++;
    impressions += row.impressions;
    clicks += row.clicks;
    sampleRss();
  }
  const seconds = (performance.now() - t0) / 1000;
  // With --expose-gc (as the parent starts us) only the live simulation's buffers are counted.
  (globalThis as { gc?: () => void }).gc?.();
  const arrayBuffersMB = process.memoryUsage().arrayBuffers / 2 ** 20;
  return { seconds, steps, impressions, clicks, arrayBuffersMB };
}

/** Peak resident set size in MB from /proc/self/status, or undefined where there is none. */
function vmHwmMB(): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Warm-up (1/10 listeners, 10 steps), then the measured run of `req`. */
export function measure(req: ScenarioRequest): ScenarioMeasurement {
  const params: Params = { ...defaultParams(), ...req.overrides };
  const issues = validateParams(params);
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('; '));
  const baselineMB = process.memoryUsage.rss() / 2 ** 20;
  // Sampling costs time inside the measured runs, so it is done only where VmHWM is missing.
  const sampling = vmHwmMB() === undefined;
  let maxRss = process.memoryUsage.rss();
  const sampleRss = (): void => {
    if (sampling) maxRss = Math.max(maxRss, process.memoryUsage.rss());
  };
  if (!req.noWarmup) {
    runOnce(
      {
        ...params,
        users: Math.max(2, Math.round(params.users / 10)),
        steps: Math.min(10, params.steps),
      },
      sampleRss,
    );
  }
  const runs = Array.from({ length: Math.max(1, req.repeats ?? 1) }, () =>
    runOnce(params, sampleRss),
  );
  const runSeconds = runs.map((r) => r.seconds);
  const sorted = [...runSeconds].sort((a, b) => a - b);
  const seconds = sorted[(sorted.length - 1) >> 1]!;
  const hwm = vmHwmMB();
  return {
    ...runs[0]!,
    arrayBuffersMB: runs.at(-1)!.arrayBuffersMB,
    seconds,
    runSeconds,
    peakMB: sampling || hwm === undefined ? maxRss / 2 ** 20 : hwm,
    peakSource: sampling || hwm === undefined ? 'rss-sampled' : 'VmHWM',
    baselineMB,
  };
}

const arg = process.argv[2];
if (arg !== undefined)
  process.stdout.write(`${JSON.stringify(measure(JSON.parse(arg) as ScenarioRequest))}\n`);
