/**
 * Where exports go, decided for every file before anything is drawn or written, so a
 * refused batch writes nothing:
 * - by default beside the scenario (`a/x.tcpflow` → `a/x.svg`), with `--out-dir DIR` in DIR;
 * - an existing file is replaced only with `--force`;
 * - a path outside the current folder tree is written only when named with `-o`
 *   (a default or `--out-dir` path that climbs out, e.g. from `../x.tcpflow`, is refused);
 * - two inputs never write to the same output, and no export replaces its own scenario.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

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
}

export interface PlannedOutput {
  readonly input: string;
  /** Absolute path, or '-' for standard output. */
  readonly path: string;
  /** How messages name it: relative to the current folder when inside it. */
  readonly display: string;
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
    return { outputs: [], problems: ['-o and --out-dir cannot be used together'] };
  }
  if (request.output !== undefined && inputs.length !== 1) {
    return { outputs: [], problems: [`-o names one output file, but ${inputs.length} scenarios were given: use --out-dir DIR`] };
  }
  const outputs: PlannedOutput[] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    if (request.output === '-') {
      outputs.push({ input, path: '-', display: 'standard output' });
      continue;
    }
    const explicit = request.output !== undefined;
    const path = explicit
      ? resolve(cwd, request.output!)
      : resolve(cwd, request.outDir ?? dirname(input), defaultOutputName(input, extension));
    const display = displayPath(path, cwd);
    if (!explicit && !isInside(path, cwd)) {
      problems.push(`${display}: outside the current folder; name it with -o to write there, or use --out-dir inside this folder`);
      continue;
    }
    const earlier = seen.get(path);
    if (earlier !== undefined) {
      problems.push(`${display}: both ${earlier} and ${input} would be exported there; export them separately or rename one`);
      continue;
    }
    seen.set(path, input);
    if (sameFile(path, resolve(cwd, input))) {
      problems.push(`${display}: that is the scenario itself; choose another output`);
      continue;
    }
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) {
        problems.push(`${display}: is a folder; -o names the output file (use --out-dir for a folder)`);
        continue;
      }
      if (!request.force) {
        problems.push(`${display}: already exists; add --force to overwrite it`);
        continue;
      }
    }
    outputs.push({ input, path, display });
  }
  return { outputs, problems };
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
