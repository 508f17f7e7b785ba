/**
 * Which document a preview restored after a reload may open. The URI comes from the
 * webview's saved state, which the webview page wrote: it is data, not a decision. A
 * page that misbehaved (or state edited on disk) must not make the extension open some
 * other file, on some other file system, as a text document. So only a `.tcpflow` file
 * on the ordinary file systems is opened; an untitled document is used only when it is
 * already open as tcpflow (opening an untitled URI would make a new document).
 */

/** File systems a scenario may live on: disk, unsaved, remote (SSH, WSL, containers), virtual workspaces. */
const SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs']);

/** The parts of a vscode.Uri this reads. */
export interface UriParts {
  readonly scheme: string;
  readonly path: string;
}

export type ReviveDecision = 'open' | 'only-if-open-as-tcpflow' | 'refuse';

export function reviveDecision(uri: UriParts): ReviveDecision {
  if (uri.scheme === 'untitled') return 'only-if-open-as-tcpflow';
  if (!SCHEMES.has(uri.scheme)) return 'refuse';
  return uri.path.toLowerCase().endsWith('.tcpflow') ? 'open' : 'refuse';
}
