// The browser entry (`@ccplan/worker`): the shared API and a pool of Web Workers. No node: modules here.
export * from "./shared.js";
export { createBrowserPool, type BrowserPoolOptions } from "./browserPool.js";
