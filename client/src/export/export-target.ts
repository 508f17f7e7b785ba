/**
 * Where "Export Diagram…" may write without asking. The folder comes from
 * `tcpflow.export.directory`, which a repository's own `.vscode/settings.json` can set:
 * a cloned repository must not be able to send an export to `/etc/cron.d`, `~/.ssh` or
 * `../../..`. So, as the CLI does for paths it was not given with `-o`
 * (output-path.ts), a target is written without asking only inside the workspace
 * folder the setting is relative to, or in the scenario's own folder — after symbolic
 * links are resolved, so a link in the repository that points out of it is out too.
 * Anything else is written only where the user picks it in the Save dialog.
 */
import * as path from 'node:path';
import { isInside } from '../../../server/src/export/output-path.js';

/** The parts of a vscode.Uri this rule reads (so it is testable without VS Code). */
export interface UriLike {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  readonly fsPath: string;
}

export interface ExportPlaces<U extends UriLike = UriLike> {
  /** The workspace folder `tcpflow.export.directory` is relative to, if any. */
  readonly workspaceFolder?: U;
  /** The scenario's own folder; none for an untitled document. */
  readonly scenarioFolder?: U;
}

/** Whether `target` may be written without the user choosing it in the Save dialog. */
export function mayExportWithoutAsking(target: UriLike, places: ExportPlaces): boolean {
  return [places.workspaceFolder, places.scenarioFolder].some((root) => root !== undefined && isWithin(target, root));
}

function isWithin(target: UriLike, root: UriLike): boolean {
  if (target.scheme !== root.scheme || target.authority !== root.authority) return false;
  // On disk: the CLI's rule, with symbolic links resolved.
  if (target.scheme === 'file') return isInside(target.fsPath, root.fsPath);
  // A virtual or remote file system has no links we can see: compare the normalized paths.
  const rel = path.posix.relative(path.posix.normalize(root.path), path.posix.normalize(target.path));
  return rel === '' || (rel !== '..' && !rel.startsWith('../') && !path.posix.isAbsolute(rel));
}
