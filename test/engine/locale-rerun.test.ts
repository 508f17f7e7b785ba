/**
 * The engine words its explanations, replies and diagnostics when it runs, so a run made
 * in one language is not reused in another: when the language server's language changes
 * (the tcpflow.language setting), re-checking the same, unchanged text must give the new
 * language's words, not the previous run's, whole or resumed from a checkpoint.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../server/src/i18n/catalogue.js';
import { IncrementalReader } from '../../server/src/lsp/document-analysis.js';

const TEXT = [
  'participant client',
  'participant server starts LISTEN',
  'client -> server : SYN seq=J',
  'server -> client : SYN ACK seq=K ack=J+1',
  'client -> server : ACK',
  'client -> server : ACK seq=J+1 ack=K+2',
  '',
].join('\n');

const CJK = /[\u4e00-\u9fff]/;

afterEach(() => setLocale('en'));

describe('a change of language re-words the unchanged document', () => {
  it.each([1, 128])('checkpoints every %i statements: en, then zh-CN, then en again', (checkpointEvery) => {
    const reader = new IncrementalReader(checkpointEvery);
    const uri = 'file:///locale.tcpflow';
    const texts = () => {
      const { analysis } = reader.analyze(uri, TEXT);
      return [
        ...analysis.steps.flatMap((s) => [...s.explanations.map((e) => e.text), ...s.replies.map((r) => r.reply.reason), ...s.effects.map((e) => e.text)]),
        ...analysis.diagnostics.map((d) => d.message),
      ];
    };
    setLocale('en');
    const english = texts();
    expect(english.length).toBeGreaterThan(5);
    expect(english.filter((t) => CJK.test(t))).toEqual([]);

    setLocale('zh-CN');
    const chinese = texts();
    expect(chinese.length).toBe(english.length);
    expect(chinese.filter((t) => !CJK.test(t))).toEqual([]);

    setLocale('en');
    expect(texts()).toEqual(english);
  });
});
