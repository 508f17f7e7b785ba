/**
 * A file the server will not read, and why (in the user's language). Its own module,
 * free of Node imports, so the browser server (main-browser.ts), which has no files,
 * can share the document builder that catches it.
 */
import type { URI } from 'langium';

export class UnreadableFile extends Error {
  constructor(readonly uri: URI, readonly reason: string) {
    super(reason);
  }
}
