#!/usr/bin/env node
/** The `ccplan` command: parses arguments, dispatches to a command, sets the exit code. */
export async function main(argv: string[]): Promise<number> {
  process.stderr.write(`ccplan: no command given (${argv.join(" ")}); commands are added as the CLI grows\n`);
  return 2;
}
