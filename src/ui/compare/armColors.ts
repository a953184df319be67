// One colour per arm, from the Okabe–Ito set: told apart with colour-blindness too, and never the ghost's grey.
export const ARM_COLORS: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
/** The dash of arm i's line, so arms differ without colour as well. */
export const ARM_DASHES: readonly (string | undefined)[] = [undefined, '7 4', '2 3', '10 3 2 3'];
/** "1" … "4": short names for arms in tight places (A and B are the pinned pair on the Explore page). */
export const ARM_LETTERS: readonly string[] = ['1', '2', '3', '4'];
