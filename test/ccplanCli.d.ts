// The CLI package builds JavaScript only (no declarations): the one function the tests call in process, typed here.
declare module "@ccplan/cli" {
  /** Runs the CLI with `argv` (without node and the script) and returns the exit code (packages/cli/src/bin.ts). */
  export function main(argv: string[], io?: { stdout: (text: string) => void; stderr: (text: string) => void }): Promise<number>;
}
