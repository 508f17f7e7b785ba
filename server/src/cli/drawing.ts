/**
 * Drawings for the CLI: one in Chromium, with every way it can fail turned into one
 * line (Mermaid rejecting the text, RenderError, or the browser failing under it, a
 * Playwright timeout or a crashed page, which surfaced as an "internal error"), and the
 * stamp of one already on disk.
 */
import { readSvgKey } from '../export/formats.js';
import { readHeadIfFile } from '../export/regular-file.js';
import { BrowserUnavailable } from '../export/session.js';

/** The stamp key of an SVG on disk, read only from a regular file (a pipe would block). */
export function stampOnDisk(path: string): string | undefined {
  const head = readHeadIfFile(path, 200);
  return head === undefined ? undefined : readSvgKey(head);
}

/** The drawing of one diagram failed; the message is one line. */
export class DrawingFailed extends Error {}

export async function drawOrExplain<T>(draw: () => Promise<T>): Promise<T> {
  try {
    return await draw();
  } catch (error) {
    if (error instanceof BrowserUnavailable) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DrawingFailed(message.split('\n')[0]);
  }
}
