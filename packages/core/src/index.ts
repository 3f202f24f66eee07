// Each area re-exports its public names from its own index, so areas grow without touching this file.
export * from "./queueing/index.js";
export * from "./random/index.js";
export * from "./stats/index.js";
export * from "./schema/index.js";
export * from "./plan/index.js";
export * from "./des/index.js";
export * from "./kpi/index.js";
export * from "./interventions/index.js";
export * from "./report/index.js";
export * from "./intervalFile/index.js";
export * from "./compare/index.js";
export * from "./economics/index.js";
export * from "./sensitivity/index.js";
export * from "./experience/index.js";
export * from "./uncertainty/index.js";
