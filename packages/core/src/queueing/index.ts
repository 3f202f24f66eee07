export type { ErlangModel, ErlangInputs, ErlangResult } from "./erlangResult.js";
export { erlangB } from "./erlangB.js";
export { erlangC } from "./erlangC.js";
export { erlangA, erlangAOfferedWaitTail } from "./erlangA.js";
export { erlang } from "./erlang.js";
