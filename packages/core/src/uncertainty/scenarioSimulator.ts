import type { Plan } from "../des/plan.js";
import type { ReplicationResult } from "../des/result.js";
import { createSimulator, type SimulationOptions } from "../des/simulate.js";
import { compileScenario, scenarioExperience } from "../plan/compile.js";
import { recipeScenario, recipeScenarioAt, simulatedInputs, type ScenarioRecipe } from "./recipe.js";

/** A simulator for a recipe whose replications each run at their own draw of the uncertain inputs. */
export interface ScenarioSimulator {
  /** The plan at the central values: for layouts, labels and checks (every replication's has the same shape). */
  plan: Plan;
  /** What a replication redoes for its draw: nothing, the experience tables, or the whole plan. */
  perReplication: "nothing" | "experience" | "plan";
  run(replication: number, options?: SimulationOptions): ReplicationResult;
}

/**
 * Simulates a recipe with every replication at its own draw of the uncertain inputs that move the simulation
 * (`simulatedInputs`), drawn outside the event loop: when only the satisfaction model's inputs are uncertain (the
 * common case: the experience defaults' ranges, a training's satisfaction effect), the replication's experience
 * tables are compiled and swapped into one simulator; when an input moves the rest of the plan (a handle-time or
 * channel-share range), the replication's plan is compiled anew. With none (or `fixed` assumptions) it is a plain
 * simulator of the central plan. `align` adjusts each compiled plan (a phase runner's common candidate rates).
 */
export function createScenarioSimulator(recipe: ScenarioRecipe, options: { align?: (plan: Plan) => Plan } = {}): ScenarioSimulator {
  const align = options.align ?? ((plan: Plan) => plan);
  const plan = align(compileScenario(recipeScenario(recipe)));
  const simulator = createSimulator(plan);
  const inputs = simulatedInputs(recipe);
  if (inputs.length === 0) return { plan, perReplication: "nothing", run: (replication, runOptions) => simulator.run(replication, runOptions) };
  if (inputs.every((input) => input.role === "experience")) {
    return {
      plan,
      perReplication: "experience",
      run(replication, runOptions) {
        simulator.setExperience(scenarioExperience(recipeScenarioAt(recipe, inputs, replication), plan.queues));
        return simulator.run(replication, runOptions);
      },
    };
  }
  return {
    plan,
    perReplication: "plan",
    run: (replication, runOptions) => createSimulator(align(compileScenario(recipeScenarioAt(recipe, inputs, replication)))).run(replication, runOptions),
  };
}
