/**
 * Infinity, as the engine's hot functions write it: "no event before the end". A module constant rather than the global
 * `Infinity`: reading the global is a load that collects type feedback, and in a branch that had not run yet when its
 * function was optimised (one taken once a replication, at its end) it compiled to a generic load of unknown type. The
 * optimiser then kept every value that branch's result merges with boxed: each arrival's time became a 16-byte heap
 * number (the standard day: 91 KB a replication against 17 KB, `--trace-gc-nvp`, 2026-12-07). A module constant is
 * folded into the optimised code as the number it is.
 */
export const NEVER = Infinity;
