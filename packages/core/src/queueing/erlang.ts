import { checkAgents, checkInputsObject, checkTraffic, show } from "./checkInputs.js";
import { erlangA } from "./erlangA.js";
import { erlangBWithLog } from "./erlangB.js";
import { erlangC } from "./erlangC.js";
import type { ErlangInputs, ErlangModel, ErlangResult } from "./erlangResult.js";

/** One Erlang evaluation by model name, for callers that let the user choose (the CLI's `--model`, the web
 * page). `"c"` is {@link erlangC}, `"a"` is {@link erlangA} (needs `patienceSec`). `"b"` wraps {@link erlangB}
 * in the common result: probWait is the blocking probability, occupancy A(1 − B)/n (null with 0 agents),
 * stable is true (a loss system never overflows), and every wait, service level, probAbandon and
 * meanQueueLength is null because nobody waits. Times in seconds, probabilities as fractions.
 * @throws Error on an unknown model or on inputs the chosen model rejects. */
export function erlang(model: ErlangModel, inputs: ErlangInputs): ErlangResult {
  if (model === "c") return erlangC(inputs);
  if (model === "a") return erlangA(inputs);
  if (model !== "b") throw new Error(`invalid model: ${show(model)}; expected "b", "c" or "a"`);
  checkInputsObject(inputs);
  const { offeredLoad } = checkTraffic(inputs);
  const n = checkAgents(inputs.agents);
  const blocking = erlangBWithLog(n, offeredLoad).value;
  return {
    model: "b", offeredLoad, agents: n, stable: true, probWait: blocking, probAbandon: null, asa: null,
    meanWaitAll: null, serviceLevel: null, serviceLevelWaitWithin: null, serviceLevelOfAnswered: null,
    occupancy: n > 0 ? Math.min(1, (offeredLoad * (1 - blocking)) / n) : null, meanQueueLength: null,
  };
}
