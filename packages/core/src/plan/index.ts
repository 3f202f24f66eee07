export { compileScenario, arrivalRates, scenarioExperience } from "./compile.js";
export { staffingTimeline, peakAgents, type StaffingTimeline } from "./staffingTimeline.js";
export { INTRADAY_PROFILE_NAMES, intradayWeights, quarterHourProfile, type IntradayProfileName } from "./intradayProfiles.js";
export { dayLabels, dayTitle, intervalLabels } from "./planLabels.js";
export { scenarioSpanSec } from "./scenarioSpanSec.js";
export { expectedContacts, expectedContactsByQueue, queueReturnLoop, returnsBound, type QueueContacts, type ReturnLoop } from "./expectedContacts.js";
