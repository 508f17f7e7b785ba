/**
 * The quick fix `add server: accept` of the listener syntax (issue 12): where an
 * expectation fails because a full accept queue dropped a final ACK, an `accept` before
 * that ACK makes room. It is an extra, non-preferred fix, so the one preferred fix of
 * the mistake stays what it was. (`add server: listen` is the language server's:
 * lsp/code-actions.ts.)
 */
import { say } from '../i18n/catalogue.js';
import { socketMessages as m } from '../i18n/messages/sockets.js';
import { lineStartOf } from './anchor.js';
import type { Fix } from './diagnostics.js';
import type { Span } from './model.js';

/** `expect server[c3] ESTABLISHED` while a full accept queue dropped c3's final ACK at `droppedAt`: accept before it makes room. */
export function acceptFix(listener: string, droppedAt: Span): Fix {
  return { title: say(m.addAcceptFix, { name: listener }), edits: [{ span: lineStartOf(droppedAt), newText: `${listener}: accept\n` }] };
}
