import { calculate, type Calculation } from "../erlang/calculate.js";
import { DEFAULT_INPUTS, type RawInputs } from "../erlang/fields.js";

/** The calculator's state: the raw inputs, and everything core computes from them, recomputed as they change. */
export class ErlangForm {
  inputs: RawInputs = $state({ ...DEFAULT_INPUTS });
  readonly calculation: Calculation = $derived(calculate(this.inputs));

  reset(): void {
    this.inputs = { ...DEFAULT_INPUTS };
  }
}
