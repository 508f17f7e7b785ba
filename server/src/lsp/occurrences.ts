/**
 * Where each participant name and each tag occurs, read from the model's spans (the
 * grammar has no cross-references, on purpose). Definition, references, rename,
 * highlights, hover and semantic tokens share this.
 */
import type { Position } from 'vscode-languageserver';
import type { Span } from '../engine/model.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { spanContains } from './text.js';

export interface Occurrence {
  readonly kind: 'participant' | 'tag';
  readonly name: string;
  readonly span: Span;
  /** The declaration (`participant NAME`), the first use, or the `as TAG` of a `~>` segment. */
  readonly definition: boolean;
}

const cache = new WeakMap<DocumentAnalysis, Occurrence[]>();

export function occurrences(doc: DocumentAnalysis): readonly Occurrence[] {
  let found = cache.get(doc);
  if (found) return found;
  found = [];
  const definitions = new Map(doc.analysis.participants.map((p) => [p.name, p.span]));
  const participant = (name: string, span: Span) => {
    const def = definitions.get(name);
    found!.push({ kind: 'participant', name, span, definition: !!def && sameSpan(def, span) });
  };
  for (const s of doc.scenario.statements) {
    switch (s.kind) {
      case 'participant': participant(s.name, s.nameSpan); break;
      case 'call': participant(s.participant, s.participantSpan); break;
      case 'segment':
        participant(s.from, s.fromSpan);
        participant(s.to, s.toSpan);
        if (s.tag && s.tagSpan) found.push({ kind: 'tag', name: s.tag, span: s.tagSpan, definition: true });
        break;
      case 'deliver': found.push({ kind: 'tag', name: s.tag, span: s.tagSpan, definition: false }); break;
      case 'note': s.participants.forEach((p, i) => participant(p, s.participantSpans[i])); break;
      case 'expect':
        for (const c of s.checks) {
          participant(c.participant, c.participantSpan);
          // `server[c1]`: the peer is a participant too, so renaming c1 renames its connection.
          if (c.peer !== undefined && c.peerSpan) participant(c.peer, c.peerSpan);
        }
        break;
      case 'title':
      case 'profile': break;
    }
  }
  cache.set(doc, found);
  return found;
}

export function occurrenceAt(doc: DocumentAnalysis, pos: Position): Occurrence | undefined {
  return occurrences(doc).find((o) => spanContains(o.span, pos));
}

export function occurrencesOf(doc: DocumentAnalysis, kind: Occurrence['kind'], name: string): Occurrence[] {
  return occurrences(doc).filter((o) => o.kind === kind && o.name === name);
}

function sameSpan(a: Span, b: Span): boolean {
  return a.startLine === b.startLine && a.startColumn === b.startColumn && a.endLine === b.endLine && a.endColumn === b.endColumn;
}
