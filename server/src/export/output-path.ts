/**
 * Where exports go, decided for every file before anything is drawn or written, so a
 * refused batch writes nothing:
 * - by default beside the scenario (`a/x.tcpflow` → `a/x.svg`), with `--out-dir DIR` in DIR;
 * - an existing file is replaced only with `--force`;
 * - a path outside the current folder tree is written only when named with `-o`
 *   (a default or `--out-dir` path that climbs out, e.g. from `../x.tcpflow`, is refused);
 * - two inputs never write to the same output, and no export replaces its own scenario;
 * - existence is judged with lstat: a dangling symbolic link exists; a folder, a named
 *   pipe, a device or a socket is never an output, even with `--force`;
 * - each output says how it may be published (atomic-write.ts): a new file only if the
 *   name is still free when it is written, so a file created while Chromium was drawing
 *   is not overwritten without `--force`.
 */
import { existsSync, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { say } from '../i18n/catalogue.js';
import { exportMessages } from '../i18n/messages/export.js';
import type { Publish } from './atomic-write.js';
import { identityOf, kindOf, type FileIdentity, type FileKind } from './regular-file.js';
import { errorCode, systemReason } from './system-reason.js';

export interface OutputRequest {
  /** The scenario files, as given. */
  readonly inputs: readonly string[];
  /** The output file's extension, with its dot (`.svg`). */
  readonly extension: string;
  /** `-o PATH`: only with one input; `-` is standard output. */
  readonly output?: string;
  /** `--out-dir DIR`. */
  readonly outDir?: string;
  readonly force: boolean;
  readonly cwd: string;
  /**
   * Whether an existing output is already what this export would write (an SVG whose
   * stamp matches): then, without --force, it is left alone instead of refused.
   */
  readonly isCurrent?: (path: string, input: string) => boolean;
}

export interface PlannedOutput {
  readonly input: string;
  /** Absolute path, or '-' for standard output. */
  readonly path: string;
  /** How messages name it: relative to the current folder when inside it. */
  readonly display: string;
  /** How the written file takes its place. */
  readonly publish: Publish;
  /** Already what would be written (see `isCurrent`): nothing to draw or write. */
  readonly current: boolean;
}

export interface OutputPlan {
  readonly outputs: PlannedOutput[];
  /** Every reason to refuse, one line each; when any, nothing may be written. */
  readonly problems: string[];
}

export function defaultOutputName(input: string, extension: string): string {
  const name = basename(input);
  const ext = extname(name);
  return `${ext ? name.slice(0, -ext.length) : name}${extension}`;
}

export function planOutputs(request: OutputRequest): OutputPlan {
  const { inputs, extension, cwd } = request;
  const problems: string[] = [];
  if (request.output !== undefined && request.outDir !== undefined) {
    return { outputs: [], problems: [say(exportMessages.outputAndOutDir)] };
  }
  if (request.output !== undefined && inputs.length !== 1) {
    return { outputs: [], problems: [say(exportMessages.oneOutputManyInputs, { count: inputs.length })] };
  }
  const outputs: PlannedOutput[] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    if (request.output === '-') {
      outputs.push({ input, path: '-', display: 'standard output', publish: { kind: 'replace' }, current: false });
      continue;
    }
    const explicit = request.output !== undefined;
    const path = explicit
      ? resolve(cwd, request.output!)
      : resolve(cwd, request.outDir ?? dirname(input), defaultOutputName(input, extension));
    const display = displayPath(path, cwd);
    if (!explicit && !isInside(path, cwd)) {
      problems.push(say(exportMessages.outsideFolder, { display }));
      continue;
    }
    const earlier = seen.get(path);
    if (earlier !== undefined) {
      problems.push(say(exportMessages.sameOutput, { display, first: earlier, second: input }));
      continue;
    }
    seen.set(path, input);
    if (sameFile(path, resolve(cwd, input))) {
      problems.push(say(exportMessages.outputIsScenario, { display }));
      continue;
    }
    const existing = lookAtOutput(path);
    switch (existing.kind) {
      case 'none':
        outputs.push({ input, path, display, publish: { kind: request.force ? 'replace' : 'create' }, current: false });
        continue;
      case 'folder':
        problems.push(say(exportMessages.outputIsFolder, { display }));
        continue;
      case 'special':
        problems.push(say(exportMessages.notRegularOutput, { display, kind: existing.what }));
        continue;
      case 'unknown':
        problems.push(say(exportMessages.cannotCheckOutput, { display, reason: existing.reason }));
        continue;
      case 'file':
      case 'dangling-link':
        // Something a write would replace: only with --force, or when it is already current.
        break;
    }
    if (request.force) {
      outputs.push({ input, path, display, publish: { kind: 'replace' }, current: false });
    } else if (existing.kind === 'file' && request.isCurrent?.(path, input)) {
      outputs.push({ input, path, display, publish: { kind: 'unchanged', seen: existing.identity }, current: true });
    } else {
      problems.push(say(exportMessages.alreadyExists, { display }));
    }
  }
  return { outputs, problems };
}

/** What is at an output path, looked at without following a dangling link or opening anything. */
export type ExistingOutput =
  | { readonly kind: 'none' }
  /** A regular file, or a symbolic link to one (its identity is the real file's). */
  | { readonly kind: 'file'; readonly identity: FileIdentity }
  | { readonly kind: 'dangling-link' }
  | { readonly kind: 'folder' }
  | { readonly kind: 'special'; readonly what: Exclude<FileKind, 'file' | 'folder'> }
  /** It could not be looked at (no permission, a loop of links, a name too long). */
  | { readonly kind: 'unknown'; readonly reason: string };

export function lookAtOutput(path: string): ExistingOutput {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    const code = errorCode(error);
    // A path through a file does not exist either; writing it says why it cannot be made.
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'none' } : { kind: 'unknown', reason: systemReason(error) };
  }
  if (stats.isSymbolicLink()) {
    try {
      stats = statSync(path);
    } catch (error) {
      return errorCode(error) === 'ENOENT' ? { kind: 'dangling-link' } : { kind: 'unknown', reason: systemReason(error) };
    }
  }
  const kind = kindOf(stats);
  if (kind === 'file') return { kind: 'file', identity: identityOf(stats) };
  if (kind === 'folder') return { kind: 'folder' };
  return { kind: 'special', what: kind };
}

/** Relative to `cwd` when inside it, else absolute. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Whether `path` lies in the folder tree of `root`, after resolving symbolic links of
 * the part of the path that exists (a link inside the tree that points out of it is out).
 */
export function isInside(path: string, root: string): boolean {
  const realRoot = realOrSelf(root);
  const realPath = realExistingPrefix(path);
  const rel = relative(realRoot, realPath);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function realOrSelf(path: string): string {
  try { return realpathSync(path); } catch { return resolve(path); }
}

/** The real path of the deepest existing ancestor, with the rest of the path appended. */
function realExistingPrefix(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(basename(existing));
    existing = parent;
  }
  return join(realOrSelf(existing), ...rest);
}

function sameFile(a: string, b: string): boolean {
  return realExistingPrefix(a) === realExistingPrefix(b);
}
