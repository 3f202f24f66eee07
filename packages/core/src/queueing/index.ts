export type { ErlangModel, ErlangInputs, ErlangResult } from "./erlangResult.js";
export { erlangB } from "./erlangB.js";
export { erlangC } from "./erlangC.js";
export { erlangA, erlangAOfferedWaitTail } from "./erlangA.js";
export { erlang } from "./erlang.js";
export { solveAgents, MAX_SOLVED_AGENTS, type SolveAgentsInputs, type SolveAgentsResult } from "./solveAgents.js";
export { requiredAgentsByInterval, type RequiredAgentsByIntervalInputs } from "./requiredAgentsByInterval.js";
