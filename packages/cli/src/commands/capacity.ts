import {
  checkCapacityLimits,
  formatScenarioIssues,
  findHiringPlan,
  trainerTrajectory,
  capacityReport,
  capacityWeekScenario,
  parseScenario,
  projectCapacity,
  runClasses,
  simulateWeek,
  summarizeCapacity,
  weekTargetServiceLevel,
  WEEK_KPIS,
  type CapacityReport,
  type CapacityRun,
  type HiringPlan,
  type Scenario,
  type Trajectory,
  type WeekSimulator,
  KPI_REGISTRY,
  type KpiDefinition,
  type KpiSummary,
  type TrajectoryKpi,
} from "@ccplan/core";
import { createNodePool, inProcessWeekSimulator, poolWeekSimulator, solverSession, type CapacityScenarioSource } from "@ccplan/worker/node";
import { numberFlag, onePositional, parseCommandArgs } from "../args.js";
import { readReplications, readSeed, readWorkers, SIMULATION_FLAGS } from "./runFlags.js";
import { InputError } from "../errors.js";
import { DELTA_LEGEND, formatDelta } from "../format/delta.js";
import { formatValue, renderTable } from "../format/units.js";
import { progressBar } from "../run/progressBar.js";
import { writeUserFile } from "../io.js";
import { defaultWorkers } from "../run/runner.js";
import { loadScenario } from "../run/sources.js";

export const capacityHelp = `ccplan capacity <scenario.json> [--hire-plan] [--confidence P] [--replications N] [--seed S] [--workers W] [--json]
ccplan capacity <scenario.json> --week W --replication K [--out week.json] [--json]
ccplan capacity <scenario.json> --intervention NAME [--start-week W] [--replications N] [--json]

The year ahead, week by week, from the scenario's "capacity" block: each replication draws its own people
(leavers, class graduates, ramp-up), each week's demand follows growth and the month's index, the week's roster is
the scenario's shifts scaled to the agents available, and every week is simulated (common random numbers: two plans
meet the same customers in the same week). Prints per week the contacts, headcount, agents available (full-speed
equivalents), service level with its 95% CI and P10–P90, the probability of meeting the target with its 95% CI
(Wilson's) and the cost; then the classes and the totals.
  --hire-plan       find the classes (start week and size, per group) that keep the probability of meeting the
                    service-level target at or above --confidence in every week after the first possible graduation,
                    at least cost, within lead time, class sizes and budget (replaces the uncommitted classes)
  --confidence P    the probability to hold (default 0.9)
  --replications N  replications of the whole plan (default 100)
  --week W --replication K   one planned week of one replication: prints its KPIs; --out writes the scenario it ran,
                    so that 'ccplan simulate week.json --replications 1' gives the same figures
  --intervention NAME [--start-week W]   run the plan with one of the scenario's interventions in force from plan
                    week W (default 1; plan week 1 = the plan's first week), stage by stage (a training's class and
                    learning curve, hires' lead time and ramp): the change by week and its break-even plan week, which
                    counts from the plan's first week where compare's break-even week counts from the option's start
  --workers W       threads that simulate, this one included (default: the number of cores)`;

const DEFAULT_REPLICATIONS = 100;
const DEFAULT_CONFIDENCE = 0.9;

/** `ccplan capacity`: the week-by-week projection of a scenario's capacity block, or one week of it. */
export async function runCapacityCommand(args: string[], write: (text: string) => void): Promise<void> {
  const { values, positionals } = parseCommandArgs("capacity", args, {
    ...SIMULATION_FLAGS,
    "hire-plan": { type: "boolean" },
    confidence: { type: "string" },
    week: { type: "string" },
    replication: { type: "string" },
    out: { type: "string" },
    intervention: { type: "string" },
    "start-week": { type: "string" },
  });
  const loaded = loadScenario(onePositional("capacity", positionals));
  const seed = readSeed(values);
  const scenario: Scenario = seed === undefined ? loaded.scenario : { ...loaded.scenario, seed };
  const capacity = scenario.capacity;
  if (!capacity) throw new InputError(`${loaded.path} has no capacity plan; add a "capacity" block (weeks, and each group's headcount) to plan the year ahead`);
  const intervention = readIntervention(values, scenario);
  const run: CapacityRun = { scenario, ...(intervention && { intervention }) };

  const tooBig = checkCapacityLimits(run);
  if (tooBig.length > 0) throw new InputError(formatScenarioIssues(tooBig, loaded.path));
  const week = numberFlag("week", values.week, { integer: true, min: 1, max: capacity.weeks });
  const replication = numberFlag("replication", values.replication, { integer: true, min: 0, max: 1_000_000 });
  if (week !== undefined || replication !== undefined || values.out !== undefined) {
    if (week === undefined || replication === undefined) throw new InputError("--week, --replication and --out go together: give --week W and --replication K (and --out to write the scenario)");
    writeOneWeek({ run, week, replication, out: values.out, json: values.json === true, write });
    return;
  }
  const hirePlan = values["hire-plan"] === true;
  if (!hirePlan && values.confidence !== undefined) throw new InputError("--confidence goes with --hire-plan");
  const confidence = numberFlag("confidence", values.confidence, { min: 0, max: 1, exclusiveMin: true }) ?? DEFAULT_CONFIDENCE;
  if (confidence >= 1) throw new InputError(`invalid --confidence: ${JSON.stringify(values.confidence)}; expected a probability below 1 (e.g. 0.9)`);
  if (hirePlan && intervention) throw new InputError("--hire-plan plans hiring for the scenario as it is; run --intervention without it");

  const replications = readReplications(values, { min: 2, max: 10_000 }, DEFAULT_REPLICATIONS);
  const workers = readWorkers(values) ?? defaultWorkers();
  const base: CapacityScenarioSource = { scenario: loaded.raw, ...(seed !== undefined && { seed }) };
  const bar = progressBar(process.stderr, "weeks to simulate");
  const { simulate, close } = weekSimulator(workers, base);
  const cache = new Map<string, Float64Array>();
  const simulated = { distinct: 0, total: 0 };
  const project = async (changes: Partial<Pick<CapacityRun, "classes" | "extraAgents" | "intervention">>) => {
    const projection = await projectCapacity({
      run: { ...run, ...changes },
      replications,
      simulate,
      cache,
      onProgress: (done, total) => bar.update(done, Math.max(1, total), null),
    });
    simulated.distinct += projection.simulatedWeeks;
    simulated.total += projection.weeks;
    return projection.rows;
  };
  try {
    const targetServiceLevel = weekTargetServiceLevel(scenario);
    let rows: Float64Array[];
    let classes = runClasses(run);
    let plan: HiringPlan | null = null;
    if (hirePlan) {
      plan = await findHiringPlan({ scenario, confidence, replications, solver: solverSession, project });
      rows = plan.rows;
      classes = plan.classes;
    } else {
      rows = await project({});
    }
    // The trainer's trajectory: the same plan without the intervention, on the same replications (its weeks before
    // the start are the same runs).
    const trajectory = intervention
      ? trainerTrajectory({ scenario, intervention, interventionRows: rows, baselineRows: await project({ intervention: undefined }) })
      : null;
    bar.done();
    const summary = summarizeCapacity({ capacity, rows, targetServiceLevel });
    const report = capacityReport({ summary, classes, requiredAgents: plan?.requiredAgents ?? null });
    const planInfo = plan && {
      confidence,
      firstGraduationWeek: plan.firstGraduationWeek,
      cost: plan.cost,
      atRisk: plan.atRisk,
      corrections: plan.corrections,
    };
    if (values.json) {
      const output = {
        ...report,
        scenario: scenario.name,
        seed: scenario.seed,
        replications,
        targetServiceLevel,
        weeksSimulated: simulated,
        ...(intervention && { intervention }),
        ...(planInfo && { hirePlan: planInfo }),
        ...(trajectory && { trajectory }),
      };
      write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      const currency = scenario.money?.currency ?? "";
      const text = renderReport(report, { name: scenario.name, seed: scenario.seed, replications, targetServiceLevel, currency, simulated });
      write(`${text}${planInfo ? `\n${renderPlan(planInfo, currency, report.weeks)}` : ""}${trajectory ? `\n${renderTrajectory(trajectory, currency)}` : ""}\n`);
    }
  } finally {
    bar.done();
    await close();
  }
}

function readIntervention(values: Record<string, unknown>, scenario: Scenario): CapacityRun["intervention"] | undefined {
  const name = values.intervention as string | undefined;
  const startWeek = numberFlag("start-week", values["start-week"] as string | undefined, { integer: true, min: 1, max: scenario.capacity!.weeks });
  if (name === undefined) {
    if (startWeek !== undefined) throw new InputError("--start-week goes with --intervention <name>");
    return undefined;
  }
  if (!scenario.interventions.some((intervention) => intervention.name === name)) {
    const known = scenario.interventions.map((intervention) => JSON.stringify(intervention.name)).join(", ") || "(none defined)";
    throw new InputError(`invalid --intervention: ${JSON.stringify(name)}; expected one of the scenario's interventions: ${known}`);
  }
  return { name, startWeek: startWeek ?? 1 };
}

function weekSimulator(workers: number, base: CapacityScenarioSource): { simulate: WeekSimulator; close: () => Promise<void> } {
  if (workers === 1) return { simulate: inProcessWeekSimulator(base), close: async () => {} };
  const pool = createNodePool({ size: workers, inThread: true });
  return { simulate: poolWeekSimulator(pool, base), close: () => pool.close() };
}

/** `--week W --replication K`: the week's KPIs in that replication, and with `--out` the scenario it ran. */
function writeOneWeek(options: { run: CapacityRun; week: number; replication: number; out: string | undefined; json: boolean; write: (text: string) => void }): void {
  const { run, week, replication, out, write } = options;
  const scenario = capacityWeekScenario(run, replication, week);
  const text = `${JSON.stringify(scenario, null, 2)}\n`;
  // The figures are those of the file as written and read back: exactly what 'ccplan simulate' of it gives.
  const reread = parseScenario(JSON.parse(text));
  if (!reread.ok) throw new Error(`the week's scenario does not read back: ${reread.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`);
  const values = simulateWeek(reread.scenario);
  if (out !== undefined) writeUserFile(out, text, "the week's scenario");
  const kpis = Object.fromEntries(WEEK_KPIS.map((id, i) => [id, Number.isNaN(values[i]!) ? null : values[i]!]));
  const start = run.scenario.capacity!.start ? `, starting ${weekStart(run.scenario.capacity!.start, week)}` : "";
  if (options.json) {
    write(`${JSON.stringify({ week, replication, seed: scenario.seed, ...(out !== undefined && { out }), kpis }, null, 2)}\n`);
    return;
  }
  const lines = [`Week ${week}${start}, replication ${replication} (seed ${scenario.seed})${out !== undefined ? `: scenario written to ${out}` : ""}`];
  lines.push(
    renderTable(
      ["KPI", "Value"],
      [
        ["Contacts offered", formatValue(kpis.offered, "contacts")],
        ["Service level", formatValue(kpis.serviceLevel, "fraction")],
        ["Average speed of answer", formatValue(kpis.asa, "seconds")],
        ["Abandonment rate", formatValue(kpis.abandonRate, "fraction")],
        ["Occupancy", formatValue(kpis.occupancy, "fraction")],
        ["Average handle time", formatValue(kpis.aht, "seconds")],
        ["CSAT", formatValue(kpis.csat, "fraction")],
      ],
    ),
  );
  if (out !== undefined) lines.push(`Check it: ccplan simulate ${out} --replications 1`);
  write(`${lines.join("\n")}\n`);
}

function renderPlan(
  plan: { confidence: number; firstGraduationWeek: number; cost: HiringPlan["cost"]; atRisk: HiringPlan["atRisk"]; corrections: number },
  currency: string,
  weeks: CapacityReport["weeks"],
): string {
  // A week's probability with the 95% CI the weekly table gives it (Wilson's): at risk by how much, how surely.
  const probability = (week: number, share: number) => {
    const ci = weeks.find((entry) => entry.week === week)?.probTargetMet.ci95;
    const bound = (value: number) => formatValue(Math.abs(value) < 1e-12 ? 0 : value, "fraction");
    return `${formatValue(share, "fraction")}${ci ? ` [95% CI ${bound(ci[0])}, ${bound(ci[1])}]` : ""}`;
  };
  const money = (value: number) => `${formatValue(value, "money")}${currency ? ` ${currency}` : ""}`;
  const lines = [
    `Hiring plan: P(service level ≥ target) ≥ ${formatValue(plan.confidence, "fraction")} in every week from week ${plan.firstGraduationWeek} (the first a class recruited now can join the floor); ${plan.corrections} corrections by simulation.`,
    `Its classes cost ${money(plan.cost.total)} over the planned weeks: ${money(plan.cost.hiring)} cost per hire, ${money(plan.cost.wages)} wages (expected); ${money(plan.cost.budgetUsed)} against the hiring budget (cost per hire and wages in class).`,
  ];
  if (plan.atRisk.length === 0) lines.push("No week at risk.");
  else {
    lines.push(`Weeks still at risk (${plan.atRisk.length}):`);
    for (const week of plan.atRisk) lines.push(`  week ${week.week}: P ${probability(week.week, week.probTargetMet)}: ${week.reason}`);
  }
  return lines.join("\n");
}

function renderTrajectory(trajectory: Trajectory, currency: string): string {
  // formatValue signs amounts with a true minus, like every change in ccplan's tables.
  const amount = (value: number) => formatValue(value, "money");
  const net = (summary: KpiSummary) =>
    summary.mean === null ? "–" : `${amount(summary.mean)}${summary.ci95 ? ` [${amount(summary.ci95[0])}, ${amount(summary.ci95[1])}]` : ""}`;
  const level = (summary: { mean: number | null }, unit: "fraction" | "seconds") => formatValue(summary.mean, unit);
  // A paired change as compare prints it: in points or seconds, with its 95% CI and a mark where the CI excludes 0.
  const change = (id: TrajectoryKpi, delta: KpiSummary) => {
    const kpi = (KPI_REGISTRY as readonly KpiDefinition[]).find((candidate) => candidate.id === id)!;
    const significant = delta.ci95 !== null && (delta.ci95[0] > 0 || delta.ci95[1] < 0);
    const direction = kpi.higherIsBetter;
    const effect = !significant || direction === null || delta.mean === null ? null : (delta.mean > 0) === direction ? "better" : "worse";
    return formatDelta({ mean: delta.mean, ci95: delta.ci95, significant, effect, n: delta.n }, kpi.unit);
  };
  const table = renderTable(
    ["Plan week", "Stage", "Service level", "Change [95% CI]", "CSAT", "Change [95% CI]", "AHT", "Change [95% CI]", "FCR", "Change [95% CI]", `Cumulative net${currency ? ` (${currency})` : ""} [95% CI]`],
    trajectory.weeks
      .filter((week) => week.stage !== null)
      .map((week) => [
        String(week.week),
        week.stage!.inClass ? `${formatValue(week.stage!.classShare ?? 1, "fraction")} in class` : `effect ${formatValue(week.stage!.effect, "fraction")}`,
        level(week.kpis.serviceLevel.intervention, "fraction"),
        change("serviceLevel", week.kpis.serviceLevel.delta),
        level(week.kpis.csat.intervention, "fraction"),
        change("csat", week.kpis.csat.delta),
        level(week.kpis.aht.intervention, "seconds"),
        change("aht", week.kpis.aht.delta),
        level(week.kpis.fcr.intervention, "fraction"),
        change("fcr", week.kpis.fcr.delta),
        net(week.cumulativeNet),
      ]),
  );
  return [
    `Trajectory of "${trajectory.intervention}" from plan week ${trajectory.startWeek} (means; changes paired against the plan without it, replication by replication):`,
    table,
    DELTA_LEGEND,
    trajectoryBreakEven(trajectory),
    PLAN_WEEKS_NOTE,
  ].join("\n");
}

/**
 * What the trajectory's break-even counts, against `ccplan compare`'s and `ccplan sensitivity`'s (the page's Year view
 * and money cards say the same): one who reads "week 23" from compare and "plan week 30" here must see two counts, not
 * two answers.
 */
export const PLAN_WEEKS_NOTE =
  "A plan week is a week of the capacity plan, numbered from the plan's first week (plan week 1), each projected with that week's headcount, hiring, leavers and season. " +
  "The break-even week of ccplan compare --json and ccplan sensitivity (and of the page's money cards) is another count: the option's own weeks from its start (week 1 = its first week), on the simulated weeks of its phases without the plan.";

/**
 * The trajectory's break-even as a plan week (core's `breakEvenWeek`: whole planned weeks, 1-based from the plan's
 * first), as the Year view words it: its median with the week's date when the plan has one, its P10–P90 in plan weeks,
 * how often it is reached, and the plan week the intervention starts in.
 */
export function trajectoryBreakEven(trajectory: Pick<Trajectory, "intervention" | "startWeek" | "weeks" | "breakEvenWeek" | "breakEvenShare" | "noBreakEven">): string {
  const even = trajectory.breakEvenWeek;
  if (trajectory.noBreakEven !== null) return `No break-even plan week: ${trajectory.noBreakEven}.`;
  if (even.n === 0 || even.p50 === null) return `"${trajectory.intervention}" does not break even within the planned weeks in any replication; it starts in plan week ${trajectory.startWeek}.`;
  const start = trajectory.weeks.find((week) => week.week === Math.round(even.p50!))?.start ?? null;
  return (
    `"${trajectory.intervention}" breaks even in plan week ${even.p50} (${start ? `the week of ${start}; ` : ""}median, P10 to P90: plan weeks ${even.p10} to ${even.p90})` +
    ` in ${formatValue(trajectory.breakEvenShare, "fraction")} of replications within the planned weeks; it starts in plan week ${trajectory.startWeek}.`
  );
}

function weekStart(start: string, week: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

function renderReport(
  report: CapacityReport,
  info: { name: string; seed: number; replications: number; targetServiceLevel: number; currency: string; simulated: { distinct: number; total: number } },
): string {
  const money = (value: number | null) => (value === null ? "–" : `${formatValue(value, "money")}${info.currency ? ` ${info.currency}` : ""}`);
  const agents = (value: number | null) => (value === null ? "–" : value.toFixed(1));
  // A share with its 95% CI (Student's for the service level, Wilson's for the probability): with few replications
  // a week's probability of meeting the target is known only roughly, and the table says how roughly.
  // (Wilson's bound at a share of 0 comes out as ~1e-17: shown as 0, not as "0.000%".)
  const bound = (value: number) => formatValue(Math.abs(value) < 1e-12 ? 0 : value, "fraction");
  const withCi = (summary: { mean: number | null; ci95: readonly [number, number] | null }) =>
    `${formatValue(summary.mean, "fraction")}${summary.ci95 ? ` [${bound(summary.ci95[0])}, ${bound(summary.ci95[1])}]` : ""}`;
  const header = `${info.name} · ${report.weeks.length} weeks · ${info.replications} replications · seed ${info.seed} · ${info.simulated.distinct.toLocaleString("en-US")} distinct weeks simulated (${info.simulated.total.toLocaleString("en-US")} asked for)`;
  const table = renderTable(
    ["Week", "Starts", "Contacts", "Headcount", "Available (FTE)", "Required", "Service level [95% CI]", "P10 to P90", `P(SL ≥ ${formatValue(info.targetServiceLevel, "fraction")}) [95% CI]`, "Cost"],
    report.weeks.map((week) => [
      String(week.week),
      week.start ?? "–",
      formatValue(week.contacts.mean, "contacts"),
      agents(week.headcount.mean),
      agents(week.availableAgents.mean),
      week.requiredAgents === null ? "–" : agents(week.requiredAgents),
      withCi(week.serviceLevel),
      week.serviceLevel.p10 === null ? "–" : `${formatValue(week.serviceLevel.p10, "fraction")} to ${formatValue(week.serviceLevel.p90, "fraction")}`,
      withCi(week.probTargetMet),
      money(week.cost.mean),
    ]),
  );
  const classes =
    report.hires.length === 0
      ? "Classes: none"
      : `Classes: ${report.hires.map((entry) => `${entry.size} in week ${entry.week} (${entry.group})`).join(", ")}`;
  const cost = report.totals.cost;
  const totals = `Totals over the weeks: ${report.totals.hires} hires · cost ${money(cost.mean)} (95% CI ${money(cost.ci95?.[0] ?? null)} to ${money(cost.ci95?.[1] ?? null)}; P10 to P90 ${money(cost.p10)} to ${money(cost.p90)}) · ${formatValue(report.totals.paidHours.mean, "contacts")} paid hours`;
  return [
    header,
    "Headcount: agents employed, trainees included. Available: agents on the floor in full-speed equivalents (ramping agents by their productivity), before shrinkage. Figures are means over replications; [95% CI] the precision of the mean, P10 to P90 the spread of a week's outcomes.",
    table,
    classes,
    totals,
  ].join("\n");
}
