import {
  anchoredScenario,
  anchorToCenter,
  ANCHOR_REPLICATIONS,
  checkCenterFigures,
  compileScenario,
  spanKpiSample,
  type Anchoring,
  type CenterFigures,
  type KpiSample,
  type PhaseRunRequest,
} from "@ccplan/core";
import { numberFlag, onePositional, parseCommandArgs } from "../args.js";
import { readReplications, readWorkers } from "./runFlags.js";
import { InputError } from "../errors.js";
import { checkWritable, writeUserFile } from "../io.js";
import { renderTable } from "../format/units.js";
import { writeJson } from "../format/writeJson.js";
import { recipeSource } from "@ccplan/worker/node";
import { createRunner } from "../run/runner.js";
import { loadScenario } from "../run/sources.js";

export const anchorHelp = `ccplan anchor <scenario.json> --csat C --surveys N [--nps S [--nps-answers N]] [--churn C [--customers N]]
              [--complaint-rate R [--contacts N]] [--replications N] [--workers W] [--out FILE] [--json]

Anchors the experience model to your center's own figures. The articles' rules (−5% satisfaction per minute of
waiting, +8% per 10% faster resolution, +6% per 5 points fewer repeat contacts) are stated at a reference center
and hold on the log-odds scale elsewhere; your observed CSAT sets where your center stands on that scale
(experience.referenceCsat, solved so the simulated baseline's CSAT equals yours). Optionally, your churn sets the
level of the churn shares, your NPS the level of the promoter shares (the ratio between satisfied and
dissatisfied customers held), your complaint rate the complaint propensity. Each parameter gets the range your
figure's sampling error allows (fewer survey answers, a wider range) and is graded measured. Prints the fit:
each figure observed against the model's, before and after.
  --csat C            CSAT observed, a share (0.72 for 72%), with --surveys: the number of survey answers behind it
  --nps S             NPS observed (−100 to 100), with --nps-answers N
  --churn C           share of contacting customers lost over the money horizon, with --customers N
  --complaint-rate R  complaints per contact offered, with --contacts N
  --replications N    replications per trial simulation (default ${ANCHOR_REPLICATIONS})
  --out FILE          write the anchored scenario (your file with these parameters set) to FILE`;

/** `ccplan anchor`: the parameters a center's figures identify, their ranges and the fit. */
export async function runAnchor(args: string[], write: (text: string) => void): Promise<void> {
  const { values, positionals } = parseCommandArgs("anchor", args, {
    csat: { type: "string" },
    surveys: { type: "string" },
    nps: { type: "string" },
    "nps-answers": { type: "string" },
    churn: { type: "string" },
    customers: { type: "string" },
    "complaint-rate": { type: "string" },
    contacts: { type: "string" },
    replications: { type: "string" },
    workers: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
  });
  const path = onePositional("anchor", positionals);
  const share = { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true };
  const count = { min: 1, max: 1e9, integer: true };
  const csat = numberFlag("csat", values.csat, share);
  const surveys = numberFlag("surveys", values.surveys, count);
  if (csat === undefined || surveys === undefined) throw new InputError("ccplan anchor needs --csat (a share, e.g. 0.72) and --surveys (the number of survey answers behind it)");
  const figures: CenterFigures = { csat: { value: csat, count: surveys } };
  const optional = (value: number | undefined, counted: number | undefined) => (value === undefined ? undefined : { value, ...(counted !== undefined && { count: counted }) });
  const nps = optional(numberFlag("nps", values.nps, { min: -100, max: 100, exclusiveMin: true, exclusiveMax: true }), numberFlag("nps-answers", values["nps-answers"], count));
  const churn = optional(numberFlag("churn", values.churn, share), numberFlag("customers", values.customers, count));
  const complaintRate = optional(numberFlag("complaint-rate", values["complaint-rate"], share), numberFlag("contacts", values.contacts, count));
  if (nps) figures.nps = nps;
  if (churn) figures.churn = churn;
  if (complaintRate) figures.complaintRate = complaintRate;
  const problem = checkCenterFigures(figures);
  if (problem) throw new InputError(`invalid figures: ${problem}`);
  const replications = readReplications(values, { max: 1000 }, ANCHOR_REPLICATIONS);
  const workers = readWorkers(values);
  checkWritable(values.out, "the anchored scenario"); // before the simulations: a bad path would lose their work
  const loaded = loadScenario(path);

  const runner = createRunner(workers, [compileScenario(loaded.scenario)]);
  try {
    const anchoring = await anchorToCenter({
      scenario: loaded.scenario,
      figures,
      replications,
      runPhase: async (request: PhaseRunRequest): Promise<KpiSample[]> => {
        const vectors = await runner.vectors(recipeSource(request.recipe, request.label), 0, request.replications, () => {});
        return vectors.map(spanKpiSample);
      },
    });
    if (values.out !== undefined) writeUserFile(values.out, `${JSON.stringify(anchoredScenario(loaded.raw as object, anchoring), null, 2)}\n`, "the anchored scenario");
    if (values.json) writeJson(write, { scenario: loaded.scenario.name, figures, ...anchoring });
    else write(`${renderAnchoring(loaded.scenario.name, anchoring, values.out)}\n`);
  } finally {
    await runner.close();
  }
}

const FIGURE_LABEL = { csat: "CSAT", nps: "NPS", churn: "churn", complaintRate: "complaint rate" } as const;

function shown(figure: keyof typeof FIGURE_LABEL, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  if (figure === "nps") return value.toFixed(1);
  return `${(100 * value).toFixed(figure === "complaintRate" ? 2 : 1)}%`;
}

/**
 * An anchored parameter in percent with its unit: every parameter anchoring sets is a share (the reference center's
 * CSAT, churn and promoter shares, the complaint propensity), and the fit above prints CSAT in percent too. Two
 * decimals, more for a small share so it keeps three significant digits ("0.0423%", never "0.00%").
 */
function sharePercent(value: number): string {
  const percent = 100 * value;
  const decimals = percent > 0 ? Math.min(6, Math.max(2, 2 - Math.floor(Math.log10(percent)))) : 2;
  return `${percent.toFixed(decimals)}%`;
}

function renderAnchoring(name: string, anchoring: Anchoring, out: string | undefined): string {
  const fit = renderTable(
    ["figure", "observed (95% range)", "model before", "model after (95% CI)"],
    anchoring.fit.map((entry) => [
      FIGURE_LABEL[entry.figure],
      `${shown(entry.figure, entry.observed)} (${shown(entry.figure, entry.observedRange[0])} to ${shown(entry.figure, entry.observedRange[1])})`,
      shown(entry.figure, entry.before.mean),
      `${shown(entry.figure, entry.after.mean)} (${shown(entry.figure, entry.after.ci95?.[0])} to ${shown(entry.figure, entry.after.ci95?.[1])})`,
    ]),
  );
  const parameters = renderTable(
    ["parameter (graded measured)", "anchored", "range (95%)"],
    anchoring.parameters.map((parameter) => [parameter.path, sharePercent(parameter.value), `${sharePercent(parameter.low)} to ${sharePercent(parameter.high)}`]),
  );
  const limits = anchoring.fit.filter((entry) => entry.limit).map((entry) => `Note: ${entry.limit}.`);
  return [
    `${name} · anchored to your center's figures · ${anchoring.replications} replications per trial`,
    "",
    fit,
    "",
    parameters,
    ...(limits.length > 0 ? ["", ...limits] : []),
    "",
    `How: ${anchoring.method}.`,
    "The articles' rules are stated at a reference center and hold on the log-odds scale elsewhere: the CSAT you enter says where your center stands on it.",
    ...(out !== undefined ? [`Anchored scenario written to ${out}.`] : []),
  ].join("\n");
}
