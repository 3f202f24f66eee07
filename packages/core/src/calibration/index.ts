export * from "./callLog.js";
export { readCallLog, parseDayRange, logOfDays, type DayRange, type ReadCallLogOptions } from "./readCallLog.js";
export { readAnonymousBankRows, ANONYMOUS_BANK_FIELDS, looksLikeAnonymousBank } from "./readAnonymousBankLog.js";
export { readCsvRows, parseColumnMap, CSV_LOG_FIELDS, type CsvColumnMap, type CsvLogField } from "./readCsvLog.js";
export { presenceSpans, agentsByInterval, type PresenceSpan, type StaffingInferenceOptions } from "./inferStaffing.js";
export { fitAfterCallWork, type AfterCallWorkFit } from "./afterCallWork.js";
export { fitLognormal, fitGamma, ksDistance, fittedDensity, type ParametricFit } from "./fitDistributions.js";
export { kaplanMeier, survivalAt, fitExponentialTail, patienceCurve, type KaplanMeierCurve, type CensoredObservation, type ExponentialTail, type PatienceCurve } from "./kaplanMeier.js";
export * from "./wallClock.js";
export { calibratedModelSchema, calibratedHandleSampler, calibratedPlan, type CalibratedModel, type CalibratedPlanInput } from "./calibratedModel.js";
export { daySeries, type DaySeries, type DaySeriesOptions } from "./daySeries.js";
export { fitHeadStart, type HeadStartFit } from "./headStart.js";
export { calibrate, CALIBRATION_DEFAULTS, type Calibration, type CalibrateOptions, type HandleFitReport, type PatienceReport } from "./calibrate.js";
export {
  backtestDays,
  backtestLayout,
  finishBacktest,
  runBacktest,
  type BacktestDay,
  type BacktestErrors,
  type BacktestFigures,
  type BacktestOptions,
  type BacktestReport,
  type BacktestRow,
  type PredictedFigure,
} from "./backtest.js";
export { parseCalibrationText } from "./parseCalibration.js";
export { applyCalibration, calibratedQueueFields, type CalibratedQueueFields } from "./applyCalibration.js";
export { patienceFromIntervalReport, type IntervalPatienceEstimate } from "./patienceFromIntervals.js";
export { handleChartData, patienceChartData, backtestDayChart, type HandleChartData, type PatienceChartData, type BacktestDayChart } from "./chartData.js";
