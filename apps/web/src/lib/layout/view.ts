/** The page's views, each with an address (#planner, #erlang, #calibrate). */
export type View = "planner" | "erlang" | "calibrate";
