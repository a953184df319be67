// The engine's public surface, shared by the worker, the CLI, the benchmarks and the tests.
export * from './params/schema';
export * from './params/validate';
export * from './params/presets';
export * from './metrics/types';
export { Simulation, RESTART_KEYS, restartReasons, type StepArrays } from './simulation';
export { runSimulation, summarize, SCHEMA_VERSION, type RunResult, type RunSummary } from './run';
export { createWorld, type World } from './world';
export { createLog, type SimLog } from './log';
export { relevance } from './relevance';
export { examinationCurve } from './behaviour';
export { gini, topShare } from './metrics/inequality';
export { bucketOf } from './metrics/hitRate';
export { exampleListener, listenerProfile, trailStep, type ListenerKind, type ListenerProfile, type TrailStep } from './listener';
export { replayScenario, type Replay, type Scenario, type ScenarioChange } from './replay';
export { HEADLINE_METRICS, headlineMetric, deltaVerdict, headlineDelta, type Better, type HeadlineFormat, type HeadlineMetric } from './metrics/headline';
export { quantileSorted, spreadOf, bandsOverlap, type Spread } from './metrics/spread';
export { acrossWorlds, clickShares, type AcrossWorlds, type AcrossInput, type MeanSd } from './metrics/across';
