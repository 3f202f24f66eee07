import { expect, it } from "vitest";
import { varianceSources } from "./varianceSources.js";

const entry = (label: string, share: number, ci95: [number, number] | null) => ({ input: label, label, share, ci95 });

it("varianceSources gives each share its 95% CI, and the inputs at 0 whose interval reaches 5% their upper bounds", () => {
  const shares = [
    entry("complaint share", 0.34, [0.18, 0.47]),
    entry("simulation", 0.2, null),
    entry("lifetime", 0.18, [0.012, 0.34]),
    entry("effect", 0, [0, 0.28]),
    entry("repeat rate", 0, [0, 0.45]),
    entry("wage", 0, [0, 0.03]),
  ];
  expect(varianceSources(shares, 100)).toBe(
    "complaint share 34% (95% CI 18 to 47%); simulation 20%; lifetime 18% (95% CI 1 to 34%); not told apart from 0, but up to 45% for repeat rate, 28% for effect (95% upper bounds)",
  );
});

it("varianceSources says what a list of shares at 0 leaves unsaid, and names no interval where the fit had none", () => {
  const shares = [entry("simulation", 0.3, null), entry("effect", 0, [0, 0.6]), entry("churn", 0, null)];
  expect(varianceSources(shares, 20)).toBe(
    "simulation 30%; not told apart from 0, but up to 60% for effect (95% upper bounds). The uncertain inputs together explain 70% of it; with 20 replications no single input's share can be told from chance: run more replications to see which matter.",
  );
});
