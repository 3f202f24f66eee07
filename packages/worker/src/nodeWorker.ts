// The Node worker thread: exposes the api to the pool over worker_threads' parentPort.
import { parentPort } from "node:worker_threads";
import { expose } from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { api } from "./api.js";

if (!parentPort) throw new Error("nodeWorker.js runs in a worker thread; start it with new Worker(url), not with node");
expose(api, nodeEndpoint(parentPort));
