/** The page's two views, each with an address (#planner, #erlang). */
export type View = "planner" | "erlang";
