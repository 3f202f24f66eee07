import { FEW_DRAWS } from "./valueOfInformation.js";

/** Below this (in the scenario's currency) a value of information rounds to nothing in whole currency units. */
const NOTHING = 0.5;

/**
 * What to say of an input's value of information whose 95% interval is 0 to 0 in whole currency units, where "0 to 0"
 * would read as a measured certainty: in every resampled fit the best option stayed the same at every value of the
 * input drawn. With fewer than `FEW_DRAWS` replications, that they did not tell it apart from 0 (how many the method
 * needs is `decisionSentence`'s to say, once); with more, that knowing it would not change the choice. Null where the
 * figure and its interval say it.
 */
export function partialValueNote(entry: { ci95: readonly [number, number] }, replications: number): string | null {
  if (!(entry.ci95[1] < NOTHING)) return null;
  return replications < FEW_DRAWS ? `not told apart from 0 by ${replications} replications` : "none: the best option is the same at every value drawn";
}

/**
 * The decision in one sentence, as the CLI prints it and the page shows it: the best buy and in what share of futures,
 * then the input worth knowing most before deciding, or, where none has a value its replications can tell from 0,
 * what that means. `money` formats an amount in the scenario's currency (each front end its own way). Null without a
 * probability of being best.
 */
export function decisionSentence(
  decided: { probBest: Record<string, number> | null; evppi: readonly { label: string; value: number; ci95: readonly [number, number] }[]; valueOfInformation: { replications: number } },
  money: (value: number) => string,
): string | null {
  const best = decided.probBest ? Object.entries(decided.probBest).sort((a, b) => b[1] - a[1])[0] : undefined;
  if (!best) return null;
  const replications = decided.valueOfInformation.replications;
  const top = decided.evppi[0];
  let learn = "";
  if (top && top.value >= NOTHING && partialValueNote(top, replications) === null) learn = `; knowing ${top.label} is worth up to ${money(top.value)} before you decide`;
  else if (top && replications < FEW_DRAWS) learn = `; with ${replications} replications no input's value can be told apart from 0 (the value of information needs about ${FEW_DRAWS})`;
  else if (top) learn = "; no single input is worth finding out first: the choice hardly depends on them";
  return `"${best[0]}" is the best buy in ${Math.round(100 * best[1])}% of futures${learn}.`;
}
