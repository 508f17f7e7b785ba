/**
 * Writing a file so that it is never seen half written, never replaces what it should
 * not, and keeps what the user set on it. What write-file-atomic does, matched here
 * rather than depended on (docs/export.md says why), plus two things it does not do:
 * publishing a new file with link(), which fails when the name appeared meanwhile, and
 * sweeping the temporary files a killed run left behind.
 *
 * 1. The target is looked at with lstat: a symbolic link is followed to the real file,
 *    which is written (the link stays a link); a dangling link counts as a file that
 *    exists. A folder, a named pipe, a device or a socket is never replaced.
 * 2. The bytes go to a short temporary file in the real target's folder
 *    (`.tcpflow-PID-RANDOM.tmp`, whatever the target's name: a 255-byte name still
 *    fits), with the old file's owner and mode, and are flushed to disk.
 * 3. The temporary file is published: with link() when the target must not exist,
 *    with rename() over it otherwise (rename within a folder is atomic on POSIX file
 *    systems and NTFS) — after checking it is still the file that was judged, when the
 *    caller says what it saw.
 * An interrupted write leaves the old file or the new one, whole; at worst a stray
 * temporary file, which the next write into that folder deletes once it is old.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync, fchmodSync, fchownSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync,
  renameSync, statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { say } from '../i18n/catalogue.js';
import { exportMessages } from '../i18n/messages/export.js';
import { identityOf, kindOf, sameIdentity, type FileIdentity } from './regular-file.js';
import { errorCode, systemReason } from './system-reason.js';

/** A write that failed, with a message that names the file and the reason in plain words. */
export class WriteError extends Error {}

/**
 * How the new file takes the target's place:
 * - `replace`: whatever regular file is there (or none); what `--force` asks for;
 * - `create`: only if nothing is there, checked by link() at the last moment;
 * - `unchanged`: only if the file there is still the one `seen` (same inode, size and
 *   modification time), e.g. a Markdown file read before drawing, or an SVG tcpflow drew.
 */
export type Publish =
  | { readonly kind: 'replace' }
  | { readonly kind: 'create' }
  | { readonly kind: 'unchanged'; readonly seen: FileIdentity };

export interface WriteOptions {
  /** Default `replace`. */
  readonly publish?: Publish;
}

const CHUNK = 64 * 1024;

/** Temporary files of this age or older, of the name below, are left over from a killed run. */
export const STALE_TEMPORARY_MS = 10 * 60 * 1000;
/** Ours: `.tcpflow-PID-RANDOM.tmp`, and the longer `.NAME.PID-RANDOM.tcpflow-tmp` of earlier versions. */
const TEMPORARY_NAME = /^(\.tcpflow-\d+-[0-9a-f]{8}\.tmp|\..+\.\d+-[0-9a-f]{8}\.tcpflow-tmp)$/;

/**
 * Test hook: milliseconds to pause after each 64 KiB chunk, so a test can kill an export
 * (or change its target) while it writes. Read from the environment; 0 (off) unless set.
 */
function chunkPause(): number {
  const value = Number(process.env.TCPFLOW_TEST_WRITE_PAUSE_MS ?? '0');
  return Number.isFinite(value) && value > 0 ? Math.min(value, 10_000) : 0;
}

/** A temporary name in the target's folder, short whatever the target is called. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.tcpflow-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** `display` is how messages name the file (the path as the user gave it). */
export function writeFileAtomic(path: string, data: string | Uint8Array, display = path, options: WriteOptions = {}): void {
  const publish = options.publish ?? { kind: 'replace' };
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const target = resolveTarget(path, display);
  checkStillPublishable(target.existing, publish, display);
  const folder = dirname(target.path);
  if (!target.existing) ensureFolder(folder, display);
  sweepStaleTemporaries(folder);

  const temp = temporaryPathFor(target.path);
  const keep = target.existing?.isFile() ? target.existing : undefined;
  let fd: number;
  try {
    fd = openSync(temp, 'wx', keep ? keep.mode & 0o7777 : 0o666);
  } catch (error) {
    throw new WriteError(say(exportMessages.cannotWriteInto, { display, folder: dirname(display), reason: systemReason(error) }));
  }
  try {
    if (keep) keepOwnerAndMode(fd, keep);
    const pause = chunkPause();
    for (let offset = 0; offset < bytes.length; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, bytes.length);
      let at = offset;
      while (at < end) at += writeSync(fd, bytes, at, end - at);
      if (pause > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    try { closeSync(fd); } catch { /* already closed */ }
    removeQuietly(temp);
    throw new WriteError(say(exportMessages.writeFailed, { display, reason: systemReason(error) }));
  }
  try {
    publishTemporary(temp, target.path, publish, display);
  } finally {
    removeQuietly(temp);
  }
  syncFolderQuietly(folder);
}

interface Target {
  /** The path to replace: the real file behind symbolic links, or the given path. */
  readonly path: string;
  /** What is there now (a dangling link's own lstat), or undefined. */
  readonly existing: Stats | undefined;
}

function resolveTarget(path: string, display: string): Target {
  let own: Stats;
  try {
    own = lstatSync(path);
  } catch (error) {
    const code = errorCode(error);
    // A missing folder is created, a path through a file is reported by ensureFolder.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, existing: undefined };
    throw new WriteError(say(exportMessages.cannotCheckOutput, { display, reason: systemReason(error) }));
  }
  if (!own.isSymbolicLink()) return { path, existing: regularOrRefuse(own, display) };
  let real: string;
  let stats: Stats;
  try {
    real = realpathSync(path);
    stats = statSync(real);
  } catch (error) {
    // Dangling: it exists (the caller judged that), and replacing it replaces the link
    // itself; following it could write wherever it points, outside every checked folder.
    if (errorCode(error) === 'ENOENT') return { path, existing: own };
    throw new WriteError(say(exportMessages.cannotCheckOutput, { display, reason: systemReason(error) }));
  }
  return { path: real, existing: regularOrRefuse(stats, display) };
}

function regularOrRefuse(stats: Stats, display: string): Stats {
  const kind = kindOf(stats);
  if (kind === 'file') return stats;
  if (kind === 'folder') throw new WriteError(say(exportMessages.isFolder, { display }));
  throw new WriteError(say(exportMessages.notRegularOutput, { display, kind }));
}

function checkStillPublishable(existing: Stats | undefined, publish: Publish, display: string): void {
  if (publish.kind === 'create' && existing) throw new WriteError(say(exportMessages.appearedMeanwhile, { display }));
  if (publish.kind === 'unchanged' && (!existing || !sameIdentity(identityOf(existing), publish.seen))) {
    throw new WriteError(say(exportMessages.changedMeanwhile, { display }));
  }
}

/** The old file's owner (where we may set it, as write-file-atomic does) and mode (always). */
function keepOwnerAndMode(fd: number, old: Stats): void {
  const uid = process.getuid?.();
  if (uid !== undefined) {
    try {
      fchownSync(fd, old.uid, old.gid);
    } catch (error) {
      const code = errorCode(error);
      // Only root may give a file away; anyone else keeps the file as theirs.
      if (!(code === 'ENOSYS' || ((code === 'EPERM' || code === 'EINVAL') && uid !== 0))) throw error;
    }
  }
  // After chown (which clears set-id bits), and because the umask narrowed open()'s mode.
  fchmodSync(fd, old.mode & 0o7777);
}

/** Error codes of link() on file systems without hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

function publishTemporary(temp: string, target: string, publish: Publish, display: string): void {
  if (publish.kind === 'create') {
    try {
      linkSync(temp, target);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') throw new WriteError(say(exportMessages.appearedMeanwhile, { display }));
      if (!NO_HARD_LINKS.has(code ?? '')) throw new WriteError(say(exportMessages.cannotReplace, { display, reason: systemReason(error) }));
      // No hard links here: check once more and rename (a window of microseconds, not of a drawing).
      if (existsNow(target)) throw new WriteError(say(exportMessages.appearedMeanwhile, { display }));
    }
  } else if (publish.kind === 'unchanged') {
    let now: Stats | undefined;
    try { now = lstatSync(target); } catch { now = undefined; }
    if (!now || !sameIdentity(identityOf(now), publish.seen)) throw new WriteError(say(exportMessages.changedMeanwhile, { display }));
  }
  try {
    renameSync(temp, target);
  } catch (error) {
    throw new WriteError(errorCode(error) === 'EISDIR'
      ? say(exportMessages.isFolder, { display })
      : say(exportMessages.cannotReplace, { display, reason: systemReason(error) }));
  }
}

/** Something (even a dangling link) has that name now. */
export function existsNow(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Creates a missing output folder; a path through a file or a read-only place fails clearly. */
export function ensureFolder(folder: string, display: string): void {
  try {
    if (statSync(folder).isDirectory()) return;
    throw new WriteError(say(exportMessages.folderIsFile, { display, folder }));
  } catch (error) {
    if (error instanceof WriteError) throw error;
    const code = errorCode(error);
    if (code === 'ENOTDIR') throw new WriteError(say(exportMessages.pathThroughFile, { display, folder }));
    if (code !== 'ENOENT') throw new WriteError(say(exportMessages.cannotUseFolder, { display, folder, reason: systemReason(error) }));
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = errorCode(error);
    throw new WriteError(code === 'ENOTDIR' || code === 'EEXIST'
      ? say(exportMessages.pathThroughFile, { display, folder })
      : say(exportMessages.cannotCreateFolder, { display, folder, reason: systemReason(error) }));
  }
}

const swept = new Set<string>();

/**
 * Deletes our temporary files in `folder` that are older than STALE_TEMPORARY_MS, once
 * per folder per process. Only old ones: a young one may belong to a run that is
 * writing right now. Nothing here may fail a write.
 */
export function sweepStaleTemporaries(folder: string, now = Date.now()): void {
  if (swept.has(folder)) return;
  swept.add(folder);
  let names: string[];
  try { names = readdirSync(folder); } catch { return; }
  for (const name of names) {
    if (!TEMPORARY_NAME.test(name)) continue;
    const path = join(folder, name);
    try {
      const stats = lstatSync(path);
      if (stats.isFile() && now - stats.mtimeMs >= STALE_TEMPORARY_MS) unlinkSync(path);
    } catch { /* gone already, or not ours to delete */ }
  }
}

/** Makes the rename itself durable (POSIX); where folders cannot be opened (Windows) there is nothing to do. */
function syncFolderQuietly(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch { /* best effort */ }
}

function removeQuietly(path: string): void {
  try { unlinkSync(path); } catch { /* nothing to remove */ }
}
