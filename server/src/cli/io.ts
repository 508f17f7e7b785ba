/** What a CLI command may touch, so commands can be run in-process by tests. */
export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes of contract §5. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

/** A failure that ends the command with a one-line message and an exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
  }
}
