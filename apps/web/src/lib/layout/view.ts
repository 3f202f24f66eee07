/** The page's views, each with an address (#planner, #erlang, #year, #calibrate). */
export type View = "planner" | "erlang" | "year" | "calibrate";
