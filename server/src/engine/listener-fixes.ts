/**
 * The quick fixes of the listener syntax (issue 12): `add server: listen` where a
 * participant acts as a listener without listening, and `add server: accept` where an
 * expectation fails because a full accept queue dropped a final ACK. Each is an extra,
 * non-preferred fix on a diagnostic the engine already reports, so the one preferred
 * fix of every mistake stays what it was.
 */
import { say } from '../i18n/catalogue.js';
import { socketMessages as m } from '../i18n/messages/sockets.js';
import { lineStartOf } from './anchor.js';
import type { Diagnostic, Fix } from './diagnostics.js';
import type { Span, Statement } from './model.js';

/**
 * `NAME: accept` refused because NAME never listened, or a SYN,ACK sent by NAME from
 * CLOSED: insert `NAME: listen` before the first SYN sent to NAME (`firstSyn`), or
 * before this line (`at`) when there is none before it.
 */
export function listenFix(name: string, at: Span, firstSyn: Span | undefined): Fix {
  const before = firstSyn && firstSyn.startLine < at.startLine ? firstSyn : at;
  return { title: say(m.addListenFix, { name }), edits: [{ span: lineStartOf(before), newText: `${name}: listen\n` }] };
}

/** The span of the first SYN (without ACK) sent to each participant: where `listen` must come before. */
export function firstSynTo(statements: readonly Statement[]): Map<string, Span> {
  const first = new Map<string, Span>();
  for (const s of statements) {
    if (s.kind === 'segment' && !first.has(s.to) && s.flags.includes('SYN') && !s.flags.includes('ACK') && !s.icmp) first.set(s.to, s.span);
  }
  return first;
}

/** `expect server[c3] ESTABLISHED` while a full accept queue dropped c3's final ACK at `droppedAt`: accept before it makes room. */
export function acceptFix(listener: string, droppedAt: Span): Fix {
  return { title: say(m.addAcceptFix, { name: listener }), edits: [{ span: lineStartOf(droppedAt), newText: `${listener}: accept\n` }] };
}

/** `diagnostic` with `fix` added after its own fixes (a copy: a diagnostic's message may be a getter, kept as one). */
export function withExtraFix(diagnostic: Diagnostic, fix: Fix): Diagnostic {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(diagnostic)) as Diagnostic;
  return Object.defineProperty(copy, 'fixes', { value: [...(diagnostic.fixes ?? []), fix], enumerable: true });
}
