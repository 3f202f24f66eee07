// The browser worker: exposes the api to the pool over the worker's global scope.
import { expose, type Endpoint } from "comlink";
import { api } from "./api.js";

// `self`, not comlink's default `globalThis`: in some runtimes (e.g. @vitest/web-worker) globalThis has no
// addEventListener. The cast is needed because this file type-checks with the DOM lib, where self is a Window.
expose(api, self as unknown as Endpoint);
