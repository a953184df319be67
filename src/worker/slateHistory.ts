// Every listener's slates and clicks of the last few steps, so a listener picked mid-run or after it shows their recent history at once.
import { trailStep, type StepArrays, type TrailStep, type World } from '../engine';

/**
 * Steps of slates the page shows for the followed listener (the rows of "Follow one listener"), and
 * so the most the worker keeps for everyone.
 */
export const TRAIL_STEPS = 12;

/**
 * Most memory the slate history may take, in bytes (16 MiB). One step costs users × slate size × 5
 * bytes (a song id and a click flag per slot) plus a byte per listener: about 50 KB at the default
 * 1,000 listeners × 10 slots, so all TRAIL_STEPS fit (600 KB); 200,000 listeners × 10 slots fit one
 * step. When fewer than TRAIL_STEPS fit, fewer are kept (the page says so); when not even one fits,
 * none is copied and a newly followed listener starts from the last step alone.
 */
export const SLATE_HISTORY_BUDGET = 16 * 1024 * 1024;

/** Steps of everyone's slates that fit in `budget` bytes, at most `maxSteps`. */
export function historyCapacity(users: number, slateSize: number, budget: number = SLATE_HISTORY_BUDGET, maxSteps: number = TRAIL_STEPS): number {
  const perStep = users * slateSize * (Int32Array.BYTES_PER_ELEMENT + 1) + users;
  return Math.max(0, Math.min(maxSteps, Math.floor(budget / perStep)));
}

// trailStep reads only the slates, their lengths and the clicks; the other step arrays are not kept.
const NO_PROPENSITY = new Float32Array(0);
const NO_EXPLORED = new Uint8Array(0);

/**
 * A ring of the last `capacity` steps' slate arrays for all listeners: one typed-array copy per step
 * (no per-listener objects), read back only when the page follows someone new.
 */
export class SlateHistory {
  readonly capacity: number;
  private readonly slate: Int32Array;
  private readonly slateLen: Uint8Array;
  private readonly clicked: Uint8Array;
  /** The step held in each slot of the ring. */
  private readonly steps: Int32Array;
  /** Slots filled (≤ capacity) and the slot the next step goes to. */
  private count = 0;
  private next = 0;

  constructor(
    private readonly users: number,
    private readonly slateSize: number,
    budget: number = SLATE_HISTORY_BUDGET,
  ) {
    this.capacity = historyCapacity(users, slateSize, budget);
    const cells = this.capacity * users * slateSize;
    this.slate = new Int32Array(cells);
    this.clicked = new Uint8Array(cells);
    this.slateLen = new Uint8Array(this.capacity * users);
    this.steps = new Int32Array(this.capacity);
  }

  /** Keeps step t's slates and clicks, dropping the oldest step when full. */
  record(t: number, arrays: StepArrays): void {
    if (this.capacity === 0) return;
    const slot = this.next;
    const cells = this.users * this.slateSize;
    this.slate.set(arrays.slate.subarray(0, cells), slot * cells);
    this.clicked.set(arrays.clicked.subarray(0, cells), slot * cells);
    this.slateLen.set(arrays.slateLen.subarray(0, this.users), slot * this.users);
    this.steps[slot] = t;
    this.next = (slot + 1) % this.capacity;
    this.count = Math.min(this.capacity, this.count + 1);
  }

  /** Listener `listener`'s slates of the steps held, oldest first, as the followed listener's trail had them. */
  trailOf(world: World, listener: number): TrailStep[] {
    const cells = this.users * this.slateSize;
    const out: TrailStep[] = [];
    for (let i = 0; i < this.count; i++) {
      const slot = (this.next - this.count + i + this.capacity) % this.capacity;
      const arrays: StepArrays = {
        slate: this.slate.subarray(slot * cells, (slot + 1) * cells),
        clicked: this.clicked.subarray(slot * cells, (slot + 1) * cells),
        slateLen: this.slateLen.subarray(slot * this.users, (slot + 1) * this.users),
        propensity: NO_PROPENSITY,
        explored: NO_EXPLORED,
      };
      out.push(trailStep(world, arrays, this.slateSize, this.steps[slot]!, listener));
    }
    return out;
  }
}
