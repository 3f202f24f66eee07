// The Node worker thread: exposes the api to the pool over worker_threads' parentPort. A thread started with
// `workerData.load` "engine" (prestartWorkers, for a stationary center's run) loads core's engine alone at start.
import { parentPort, workerData } from "node:worker_threads";
import { expose } from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import type { WorkerLoad } from "./prestart.js";

if (!parentPort) throw new Error("nodeWorker.js runs in a worker thread; start it with new Worker(url), not with node");
const load = (workerData as { load?: WorkerLoad } | null)?.load ?? "all";
// Messages the pool sends meanwhile wait in the port until `expose` listens.
const api = load === "engine" ? (await import("./engineFirstApi.js")).engineFirstApi : (await import("./api.js")).api;
expose(api, nodeEndpoint(parentPort));
