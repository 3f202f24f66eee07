// comlink ships the node adapter's types as node-adapter.d.ts, but Node's ESM loader needs the file's real
// name (node-adapter.mjs), for which TypeScript looks for node-adapter.d.mts. This maps one to the other.
declare module "comlink/dist/esm/node-adapter.mjs" {
  import nodeEndpoint from "comlink/dist/esm/node-adapter";
  export default nodeEndpoint;
}
