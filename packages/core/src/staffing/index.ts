export { requiredAgents, type QueueRequiredAgents, type RequiredAgentsLine, type RequiredAgentsOptions } from "./requiredAgents.js";
export { shiftsWithoutContacts, staffingWarnings, type IdleStretch, type ScenarioWarning, type ShiftWithoutContacts } from "./shiftsWithoutContacts.js";
