import { getContext, setContext } from "svelte";
import type { ScenarioStore } from "../scenario/scenarioStore.svelte.js";

const KEY = Symbol("ccplan.scenarioStore");

/** Makes the scenario store available to every editor below the calling component. */
export function provideStore(store: ScenarioStore): void {
  setContext(KEY, store);
}

/** The scenario store an ancestor provided. */
export function useStore(): ScenarioStore {
  const store = getContext<ScenarioStore | undefined>(KEY);
  if (!store) throw new Error("no scenario store: App.svelte provides it with provideStore");
  return store;
}
