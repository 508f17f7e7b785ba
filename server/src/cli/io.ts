/** What a CLI command may touch, so commands can be run in-process by tests. */
export interface CliIo {
  readonly cwd: string;
  /** Throws OutputClosed once the reader of standard output has gone (`| head`). */
  out(text: string): void;
  err(text: string): void;
  /** Standard output is a terminal: a person reads it (`check` then confirms a clean file). */
  readonly terminal?: boolean;
  /** Colour the output (a terminal, and NO_COLOR not set). */
  readonly colour?: boolean;
}

/**
 * Exit codes of contract §5, and the one of a run whose reader went away: 141, what a
 * shell reports for a program killed by SIGPIPE (Node ignores that signal, so tcpflow
 * stops by itself and says so the same way, quietly).
 */
export const EXIT = { ok: 0, errors: 1, usage: 2, outputClosed: 141 } as const;

/** A failure that ends the command with a one-line message and an exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
  }
}

/** Standard output or error was closed by its reader: stop, say nothing. */
export class OutputClosed extends Error {
  constructor() {
    super('output closed');
  }
}

/**
 * Collects small pieces of output into writes of about 64 KB, so a million diagnostic
 * lines are a few hundred writes, and none of them is a string of the whole output.
 */
export class ChunkedOutput {
  private pending: string[] = [];
  private length = 0;

  constructor(private readonly write: (text: string) => void, private readonly chunk = 64 * 1024) {}

  add(text: string): void {
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= this.chunk) this.flush();
  }

  flush(): void {
    if (this.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.length = 0;
    this.write(text);
  }
}
