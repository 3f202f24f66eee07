export { durationSchema, durationToSeconds, type DurationDistribution, type DurationUnit } from "./distribution.js";
export {
  scenarioSchema,
  queueSchema,
  priorityClassSchema,
  groupSchema,
  forecastSchema,
  resolutionSchema,
  intradayProfileSchema,
  chatSchema,
  emailSchema,
  CHANNELS,
  ONLINE_CHANNELS,
  SCENARIO_VERSION,
  type Channel,
  type ChatSettings,
  type EmailSettings,
  type ResolvedScenario,
  type Scenario,
  type ScenarioInput,
  type ScenarioQueue,
  type ScenarioGroup,
  type Forecast,
  type IntradayProfile,
} from "./scenario.js";
export { moneySchema, type Money, type MoneySpec } from "./money.js";
export {
  capacitySchema,
  capacityGroupSchema,
  MAX_CAPACITY_WEEKS,
  type Capacity,
  type CapacityGroup,
  type HiringClass,
} from "./capacity.js";
export {
  experienceSchema,
  satisfactionEffectSchema,
  WAIT_CURVES,
  DEFAULT_EXPERIENCE,
  DEFAULT_EXPERIENCE_SPEC,
  type Experience,
  type ExperienceSpec,
  type ExperienceEffect,
  type WaitCurve,
  ABANDONED_CURVES,
  type AbandonedCurve,
} from "./experience.js";
export { shiftSchema, shiftBreakSchema, rampingAgentsSchema, type Shift, type ShiftBreak, type RampingAgents } from "./shift.js";
export { shiftTemplateSchema, templateBreakSchema, groupLimitFields, type ShiftTemplate, type TemplateBreak } from "./shiftTemplate.js";
export { interventionSchema, type Intervention, type InterventionKind, type ResolvedIntervention } from "./intervention.js";
export {
  EVIDENCE_GRADES,
  UNCERTAIN_KINDS,
  centralValue,
  describeUncertain,
  gradeOf,
  isGradedValue,
  isUncertainSpec,
  resolveCentral,
  resolveUncertain,
  uncertainNumber,
  type EvidenceGrade,
  type GradedValue,
  type Resolved,
  type UncertainKind,
  type UncertainNumber,
  type UncertainSpec,
} from "./uncertain.js";
export { WEEKDAYS, weekdaySchema, weekdayIndex, shiftWeekday, type Weekday } from "./weekday.js";
export { CLOCK_TIME_PATTERN, clockTimeSchema, clockMinutes, formatClock } from "./clockTime.js";
export { daysInMonth, FIRST_CALENDAR_YEAR, impossibleDateReason, isCalendarDate, yearOutOfRangeReason } from "./calendarDate.js";
export { SCENARIO_LIMITS } from "./limits.js";
export { checkRunLimits, checkScenarioLimits, checkVariantLimits } from "./checkLimits.js";
export { BASELINE_NAME } from "./crossCheck.js";
export { describeValue, formatPath, type ScenarioIssue } from "./scenarioIssue.js";
export { migrate, type MigrateResult } from "./migrate.js";
export { parseScenario, parseScenarioText, type ParseScenarioResult } from "./parseScenario.js";
export { formatScenarioIssues } from "./formatIssues.js";
export { findJsonSyntaxError, type JsonSyntaxError } from "./jsonSyntaxError.js";
export { scenarioJsonSchema, scenarioJsonSchemaText } from "./jsonSchema.js";
export { groupedNumber } from "./numberText.js";
