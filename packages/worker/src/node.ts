// The Node entry (`@ccplan/worker/node`): the shared API and a pool of worker threads, for the CLI.
export * from "./shared.js";
export { createNodePool, nodeWorkerHandle, type NodePoolOptions } from "./nodePool.js";
export { prestartWorkers } from "./prestart.js";
export { inThreadWorkerHandle } from "./inThreadWorker.js";
