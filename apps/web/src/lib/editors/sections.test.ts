import { expect, it } from "vitest";
import { sectionOf } from "./sections.js";

it("sectionOf sends each issue to the editor that shows its field", () => {
  expect(sectionOf("queues[0].forecast.dailyContacts[2]")).toBe("forecast");
  expect(sectionOf("queues[1].handle.meanSec")).toBe("queues");
  expect(sectionOf("groups[0].shifts[3].agents")).toBe("shifts");
  expect(sectionOf("money.wagePerHour")).toBe("money");
  expect(sectionOf(`capacity.groups["Service team"].hiring.classes[0].week`)).toBe("capacity");
  expect(sectionOf("interventions[2].name")).toBe("interventions");
  expect(sectionOf("resolution.fcr")).toBe("model");
  expect(sectionOf("experience.waitCurve")).toBe("model");
  expect(sectionOf("days[3]")).toBe("scenario");
  expect(sectionOf("")).toBe("scenario");
});
