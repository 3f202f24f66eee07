/** An error the user can fix (bad arguments, an invalid file): exit code 2, message only, no stack trace. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** Exit codes: 0 success, 1 the run failed, 2 bad arguments or invalid input; 141 (128 + SIGPIPE, as a shell reports
 * a tool the pipe killed) when the reader of the output went away (`ccplan … | head`). */
export const EXIT = { ok: 0, failed: 1, invalidInput: 2, pipeClosed: 141 } as const;
