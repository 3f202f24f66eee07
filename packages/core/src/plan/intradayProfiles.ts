/** Names of the built-in intraday profiles a scenario's forecast may use instead of its own weights. */
export const INTRADAY_PROFILE_NAMES = ["flat", "retail-weekday", "retail-weekend", "business-hours"] as const;

/** A built-in intraday profile name. */
export type IntradayProfileName = (typeof INTRADAY_PROFILE_NAMES)[number];

interface ProfileShape {
  /** Opening hours, minutes after midnight: no contacts are offered outside [openMinutes, closeMinutes). */
  openMinutes: number;
  closeMinutes: number;
  /** Relative volume at [minute, weight] points; linear in between. */
  anchors: readonly (readonly [number, number])[];
}

// Sketched from the usual shapes of consumer and business service lines (a morning peak, a lunch dip,
// a smaller afternoon peak, a tail into the evening), not from measured data: a planner with an ACD
// history should give the scenario its own weights.
const SHAPES: Record<IntradayProfileName, ProfileShape> = {
  flat: { openMinutes: 0, closeMinutes: 1440, anchors: [[0, 1], [1440, 1]] },
  // Consumer service line open 07:00–22:00: peak around 10:30, lunch dip, second peak mid-afternoon.
  "retail-weekday": {
    openMinutes: 420,
    closeMinutes: 1320,
    anchors: [[420, 2], [480, 4.5], [570, 8], [630, 9], [750, 7], [840, 7.8], [960, 7], [1080, 5], [1200, 3.2], [1320, 1.2]],
  },
  // Weekend opening 08:00–20:00: a later, broader peak around midday.
  "retail-weekend": {
    openMinutes: 480,
    closeMinutes: 1200,
    anchors: [[480, 1.5], [600, 5.5], [690, 7], [840, 6.5], [960, 5], [1080, 3.5], [1200, 1.5]],
  },
  // Business-to-business line open 08:00–18:00: two peaks around a lunch dip.
  "business-hours": {
    openMinutes: 480,
    closeMinutes: 1080,
    anchors: [[480, 4], [540, 7.5], [630, 9], [720, 6.5], [780, 6.5], [870, 8.5], [990, 6.5], [1080, 3]],
  },
};

function weightAt(shape: ProfileShape, minute: number): number {
  if (minute < shape.openMinutes || minute >= shape.closeMinutes) return 0;
  const anchors = shape.anchors;
  for (let i = 1; i < anchors.length; i++) {
    const [m1, w1] = anchors[i]!;
    if (minute <= m1) {
      const [m0, w0] = anchors[i - 1]!;
      return w0 + ((w1 - w0) * (minute - m0)) / (m1 - m0);
    }
  }
  return anchors[anchors.length - 1]![1];
}

/**
 * The 96 quarter-hour weights of a built-in profile over 24 hours (00:00–00:15 first), summing to 1.
 * Each weight is the profile's shape at the middle of its quarter hour.
 */
export function quarterHourProfile(name: IntradayProfileName): number[] {
  const shape = SHAPES[name];
  const raw = Array.from({ length: 96 }, (_, quarter) => weightAt(shape, quarter * 15 + 7.5));
  return normalise(raw);
}

/**
 * Share of a day's contacts in each interval of the day (length 1440 / intervalMinutes, sum 1).
 * A built-in profile's quarter hours are summed into 30- or 60-minute intervals; a list of weights
 * (one per interval of the day, ≥ 0, positive sum: the schema checks it) is normalised.
 * Throws on a list whose length does not match `intervalMinutes` or whose sum is not positive.
 */
export function intradayWeights(profile: IntradayProfileName | readonly number[], intervalMinutes: 15 | 30 | 60): number[] {
  const intervalsPerDay = 1440 / intervalMinutes;
  if (typeof profile !== "string") {
    if (profile.length !== intervalsPerDay) {
      throw new Error(`invalid intraday profile: ${profile.length} weights; expected ${intervalsPerDay}, one per interval`);
    }
    return normalise([...profile]);
  }
  const quarters = quarterHourProfile(profile);
  const perInterval = intervalMinutes / 15;
  const weights = new Array<number>(intervalsPerDay).fill(0);
  for (let quarter = 0; quarter < 96; quarter++) weights[Math.floor(quarter / perInterval)]! += quarters[quarter]!;
  return weights;
}

function normalise(weights: number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0) || !Number.isFinite(total)) throw new Error(`invalid intraday profile: weights sum to ${total}; expected a positive sum`);
  return weights.map((weight) => weight / total);
}
