/** An error the user can fix (bad arguments, an invalid file): exit code 2, message only, no stack trace. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** Exit codes: 0 success, 1 the run failed, 2 bad arguments or invalid input. */
export const EXIT = { ok: 0, failed: 1, invalidInput: 2 } as const;
