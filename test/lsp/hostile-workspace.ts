/**
 * A workspace folder of hostile files, made on disk for the language server tests
 * (test/lsp/workspace.test.ts) and the fuzz run (scripts/fuzz.ts): what a cloned
 * repository or an unlucky disk can hold under a `.tcpflow` name.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MB = 1024 * 1024;

/** A valid scenario of about `bytes`: every line an event, none an error. */
export function bigScenario(bytes: number): string {
  const line = 'client -> server : ACK seq=J ack=K\n';
  return 'client: connect\n' + line.repeat(Math.ceil(bytes / line.length));
}

export interface HostileWorkspace {
  /** Regular files the server should check, and the diagnostic codes each one gets (undefined: whatever it gets). */
  readonly checked: ReadonlyMap<string, readonly string[] | undefined>;
  /** Regular files it must skip with a log line, and a word of that line. */
  readonly skipped: ReadonlyMap<string, string>;
  /** Entries it must never read nor publish for: a FIFO, a symlink loop, symlinks, a folder named like a file. */
  readonly untouched: readonly string[];
}

/**
 * Fills `root` with hostile entries beside good files; `good` is a scenario with one
 * known problem, `goodCodes` its diagnostic codes. Relative names in the result.
 */
export function makeHostileWorkspace(root: string, good: string, goodCodes: readonly string[]): HostileWorkspace {
  const write = (name: string, content: string | Buffer) => writeFileSync(join(root, name), content);
  write('good.tcpflow', good);
  mkdirSync(join(root, 'folder.tcpflow'));
  write('folder.tcpflow/nested.tcpflow', good);
  write('huge.tcpflow', bigScenario(17 * MB));
  write('fifty.tcpflow', bigScenario(50 * MB));
  write('binary.tcpflow', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]));
  execFileSync('mkfifo', [join(root, 'fifo.tcpflow')]);
  symlinkSync(join(root, 'loop-b.tcpflow'), join(root, 'loop-a.tcpflow'));
  symlinkSync(join(root, 'loop-a.tcpflow'), join(root, 'loop-b.tcpflow'));
  symlinkSync(join(root, 'good.tcpflow'), join(root, 'link-to-good.tcpflow'));
  write('unreadable.tcpflow', good);
  chmodSync(join(root, 'unreadable.tcpflow'), 0);
  // The string that made the reader throw (issue 18): checked, with whatever it reads as.
  write('long-string.tcpflow', `scenario "${'x'.repeat(4 * MB)}"\nclient: connect\n`);
  const skipped = new Map([['huge.tcpflow', 'larger than the 16 MB'], ['fifty.tcpflow', 'larger than the 16 MB'], ['binary.tcpflow', 'binary data']]);
  // root reads a mode-0 file all the same.
  if (process.getuid?.() !== 0) skipped.set('unreadable.tcpflow', 'EACCES');
  return {
    checked: new Map<string, readonly string[] | undefined>([['good.tcpflow', goodCodes], ['folder.tcpflow/nested.tcpflow', goodCodes], ['long-string.tcpflow', undefined]]),
    skipped,
    untouched: ['fifo.tcpflow', 'loop-a.tcpflow', 'loop-b.tcpflow', 'link-to-good.tcpflow', 'folder.tcpflow'],
  };
}
