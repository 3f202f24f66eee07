export type { ErlangModel, ErlangInputs, ErlangResult } from "./erlangResult.js";
export { erlangB } from "./erlangB.js";
export { erlangC } from "./erlangC.js";
