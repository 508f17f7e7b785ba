/**
 * What the reader says a half-typed line is (server/src/language/reader/line-context.ts),
 * and completion acting on it: a word before `:` or an arrow is a participant whatever
 * it is, so a participant called `note` gets calls offered like any other.
 */
import { describe, expect, it } from 'vitest';
import { lineContext } from '../../server/src/language/reader/line-context.js';
import { completions } from '../../server/src/lsp/completion.js';
import { IncrementalReader } from '../../server/src/lsp/document-analysis.js';

describe('lineContext', () => {
  it.each([
    ['', { kind: 'line-start' }],
    ['cli', { kind: 'line-start' }],
    ['client: ', { kind: 'call', participant: 'client' }],
    ['client:con', { kind: 'call', participant: 'client' }],
    ['note: ', { kind: 'call', participant: 'note' }],
    ['expect: ', { kind: 'call', participant: 'expect' }],
    ['client: timeout ', { kind: 'timer', participant: 'client' }],
    ['client: timeout R', { kind: 'timer', participant: 'client' }],
    ['client -> ', { kind: 'peer', from: 'client' }],
    ['note -> se', { kind: 'peer', from: 'note' }],
    ['note -> server : SYN ', { kind: 'segment', from: 'note', to: 'server', rest: ' SYN ' }],
    ['a ~> b :', { kind: 'segment', from: 'a', to: 'b', rest: '' }],
    ['expect ', { kind: 'expect-name' }],
    ['expect cl', { kind: 'expect-name' }],
    ['expect client ', { kind: 'expect-state', participant: 'client' }],
    ['expect client FIN-', { kind: 'expect-state', participant: 'client' }],
    ['expect client LISTEN, ser', { kind: 'expect-name' }],
    ['expect client LISTEN, server SYN', { kind: 'expect-state', participant: 'server' }],
    // A listener's connection (engine/listener.ts): its state is completed, as the engine names it.
    ['expect server[c1] ', { kind: 'expect-state', participant: 'server[c1]' }],
    ['expect server LISTEN, server[c2] SYN-', { kind: 'expect-state', participant: 'server[c2]' }],
    ['expect server[c1', { kind: 'none' }],
    ['expect client LISTEN ', { kind: 'none' }],
    ['deliver ', { kind: 'deliver-tag' }],
    ['note ', { kind: 'note-placement' }],
    ['note ov', { kind: 'note-placement' }],
    ['note over ', { kind: 'note-name' }],
    ['note over a, ', { kind: 'note-name' }],
    ['note left of ', { kind: 'note-name' }],
    ['participant a starts ', { kind: 'start-state' }],
    ['participant a as "A" starts SYN-', { kind: 'start-state' }],
    ['participant a starts', { kind: 'none' }],
    ['client: connect // a comment ', { kind: 'none' }],
    ['scenario "a title ', { kind: 'none' }],
    ['a -> b : SYN data="GET ', { kind: 'none' }],
  ])('%j', (before, context) => {
    expect(lineContext(before)).toEqual(context);
  });
});

describe('completion after NAME:', () => {
  const doc = (text: string) => new IncrementalReader().analyze('file:///c', text);

  it('offers calls to a participant named like a keyword, as to any other', () => {
    for (const name of ['note', 'expect', 'participant', 'client']) {
      const text = `participant ${name}\n${name}: `;
      const labels = completions(doc(text), 1, `${name}: `).map((i) => i.label);
      expect(labels).toEqual(expect.arrayContaining(['listen', 'connect', 'close']));
      expect(labels[0]).toBe('listen');
    }
  });
});
