/** The page's views, each with an address (#planner, #erlang, #year). */
export type View = "planner" | "erlang" | "year";
