import { describe, expect, it } from "vitest";
import { fieldOfMessage } from "./calculate.js";

describe("fieldOfMessage", () => {
  it("finds the form field a message from core names", () => {
    expect(fieldOfMessage("invalid agents: -3; expected a whole number from 0 to 1000000")).toBe("agents");
    expect(fieldOfMessage("invalid arrivalRatePerSec: -1; expected a finite number ≥ 0")).toBe("contactsPerHour");
    expect(fieldOfMessage("invalid patienceSec: 0; expected a finite number > 0")).toBe("patienceSec");
    expect(fieldOfMessage("invalid targetServiceLevel: 2; expected a fraction from 0 to 1")).toBe("targetServiceLevelPct");
    expect(fieldOfMessage("invalid maxOccupancy: 0; expected a fraction")).toBe("maxOccupancyPct");
  });
  it("does not take a longer name for a shorter one", () => {
    expect(fieldOfMessage("invalid scheduledAgents: 3")).toBeNull();
    expect(fieldOfMessage("invalid shrinkage: 1; expected a fraction from 0 to less than 1")).toBe("shrinkagePct");
  });
  it("returns null when no field is named", () => expect(fieldOfMessage("invalid offered load: Infinity")).toBeNull());
});
