export {
  DEFAULT_SENSITIVITY_RANGE,
  sensitivityInputs,
  type SensitivityInput,
  type SensitivityInputOptions,
  type SensitivityUnit,
} from "./sensitivityInputs.js";
export {
  sensitivity,
  sensitivityAsync,
  sensitivityJob,
  type SensitivityOptions,
  type SensitivityResult,
  type Tornado,
  type TornadoBar,
} from "./tornado.js";
