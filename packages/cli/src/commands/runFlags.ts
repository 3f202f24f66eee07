import { numberFlag } from "../args.js";
import { InputError } from "../errors.js";
import { FLAG_RANGES } from "../flagRanges.js";
import { KPI_REGISTRY, type AssumptionsView, type KpiId } from "@ccplan/core";
import type { PrecisionTarget } from "@ccplan/worker/node";

/** The flags every simulating command shares. */
export const RUN_FLAGS = {
  replications: { type: "string" },
  precision: { type: "string" },
  "precision-kpi": { type: "string" },
  workers: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
  "fixed-assumptions": { type: "boolean" },
} as const;

export const DEFAULT_REPLICATIONS = 100;
/** With --precision, --replications is the most that will be run. */
export const DEFAULT_MAX_REPLICATIONS_WITH_PRECISION = 1000;

export interface RunFlags {
  replications: number;
  precision?: PrecisionTarget;
  /** Given with --workers; undefined: `createRunner` picks the default (cores, and the memory the plans need). */
  workers?: number;
  seed?: number;
  /** `combined`: each replication draws the scenario's uncertain inputs; `fixed` (--fixed-assumptions): central values. */
  assumptions: AssumptionsView;
}

export function readRunFlags(values: Record<string, string | boolean | string[] | undefined>): RunFlags {
  const str = (name: string) => values[name] as string | undefined;
  const halfWidth = numberFlag("precision", str("precision"), { min: 0, exclusiveMin: true });
  if (halfWidth === undefined && str("precision-kpi") !== undefined) {
    throw new InputError("--precision-kpi needs --precision <half-width>");
  }
  const replications =
    numberFlag("replications", str("replications"), FLAG_RANGES.replications) ??
    (halfWidth === undefined ? DEFAULT_REPLICATIONS : DEFAULT_MAX_REPLICATIONS_WITH_PRECISION);
  return {
    replications,
    ...(halfWidth !== undefined && { precision: { kpi: checkPrecisionKpi(str("precision-kpi") ?? "serviceLevel"), halfWidth } }),
    ...(str("workers") !== undefined && { workers: numberFlag("workers", str("workers"), FLAG_RANGES.workers)! }),
    ...(str("seed") !== undefined && { seed: numberFlag("seed", str("seed"), FLAG_RANGES.seed)! }),
    assumptions: values["fixed-assumptions"] === true ? "fixed" : "combined",
  };
}

function checkPrecisionKpi(kpi: string): KpiId {
  const known = KPI_REGISTRY.map((definition) => definition.id as string);
  if (!known.includes(kpi)) throw new InputError(`invalid --precision-kpi: ${JSON.stringify(kpi)}; expected one of ${known.join(", ")}`);
  return kpi as KpiId;
}
