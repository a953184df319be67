// Whether a parent scales this view to fit its stage (present mode): then no part's height may follow its width.
import { createContext, useContext } from 'react';

/**
 * True inside present mode's stage. Its fit search lays the view out at several widths and reads
 * its height at each, synchronously, where React cannot re-render in between: a part whose height
 * React derives from its measured width (the song wall) would report its height at the width it
 * last rendered, and the fit found would depend on the view shown before it.
 */
export const ScaledToFit = createContext(false);

/** See {@link ScaledToFit}. */
export function useScaledToFit(): boolean {
  return useContext(ScaledToFit);
}
