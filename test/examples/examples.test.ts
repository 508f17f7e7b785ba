/**
 * The shipped examples: every one passes `synack check` (in-process and through the
 * built CLI), its `expect` lines hold when checked independently of the engine's own
 * expect check, and the wrong-on-purpose file gives exactly the diagnostics its
 * comment promises.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStateName } from '../../server/src/engine/states.js';
import { analyze, diagnosticToString } from '../support/analyze.js';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/bundle-lock.js';
import { listExamples } from '../support/examples.js';

const EXAMPLES = join(ROOT, 'examples');
const MISTAKES = join(EXAMPLES, 'mistakes', 'common-mistakes.tcpflow');


const all = listExamples(EXAMPLES);
const correct = all.filter((f) => !f.includes(`${join('examples', 'mistakes')}`));
const name = (f: string) => relative(ROOT, f);

/** The learner-facing set the project promises (issue 2, part 3). */
const PROMISED = [
  'three-way-handshake', 'data-transfer', 'four-way-close', 'close-piggybacked-fin',
  'simultaneous-open', 'simultaneous-close', 'connection-refused', 'lost-syn-retransmission',
  'lost-last-ack-time-wait', 'half-close-shutdown', 'abort-with-rst', 'half-open-discovery',
  'old-duplicate-syn',
  // Issue 12: the socket calls' errors and a listener's two queues.
  'connect-errors', 'syn-queue-and-accept-queue', 'accept-queue-overflow',
];

/** `expect a STATE, b STATE` lines of a file, read with a regex (not the parser). */
function expectLines(text: string): Array<{ line: number; checks: Array<[string, string]> }> {
  const out: Array<{ line: number; checks: Array<[string, string]> }> = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = /^expect\s+(.*)$/.exec(line);
    if (!m) return;
    const checks = m[1].split(',').map((part) => {
      const [who, state] = part.trim().split(/\s+/);
      const read = readStateName(state);
      if (read.kind === 'unknown') throw new Error(`unknown state ${state} on line ${index + 1}`);
      return [who, read.state] as [string, string];
    });
    out.push({ line: index, checks });
  });
  return out;
}

describe('examples', () => {
  it('include every promised scenario and the mistakes file', () => {
    const names = correct.map((f) => name(f).replace(/^examples\//, '').replace(/\.tcpflow$/, ''));
    for (const p of PROMISED) expect(names).toContain(p);
    expect(all).toContain(MISTAKES);
  });

  describe.each(correct.map((f) => [name(f), f]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');

    it('starts with a // comment naming RFC 9293, has a title, labels, calls, expects and notes', () => {
      expect(text.startsWith('//')).toBe(true);
      expect(text.split('\n').filter((l) => l.startsWith('//')).join(' ')).toMatch(/RFC 9293/);
      expect(text).toMatch(/^scenario "[^"]+"/m);
      expect(text).toMatch(/^participant \w+ as "[^"]+"/m);
      expect(text).toMatch(/^\w+: (listen|connect|accept|close|shutdown|abort|crash|timeout)\b/m);
      expect(text).toMatch(/^expect /m);
      expect(text).toMatch(/^note /m);
    });

    it('gives no diagnostics', () => {
      expect(analyze(text).analysis.diagnostics.map(diagnosticToString)).toEqual([]);
    });

    it('reaches the state each expect line names', () => {
      const { analysis } = analyze(text);
      const expects = expectLines(text);
      expect(expects.length).toBeGreaterThan(0);
      for (const { line, checks } of expects) {
        const before = analysis.steps.filter((s) => s.line < line).at(-1);
        for (const [who, state] of checks) {
          const actual = before?.states[who] ?? analysis.participants.find((p) => p.name === who)?.initialState;
          expect({ line: line + 1, who, state: actual }).toEqual({ line: line + 1, who, state });
        }
      }
    });
  });

  describe('the mistakes file', () => {
    const text = readFileSync(MISTAKES, 'utf8');

    /** The `//   code  (severity)  why` lines of the opening comment. */
    function promised(): Array<[string, string]> {
      const header = text.split('\n').filter((l) => l.startsWith('//'));
      return header.flatMap((l) => {
        const m = /^\/\/\s+([a-z-]+)\s+\((error|warning)\)/.exec(l);
        return m ? [[m[1], m[2]] as [string, string]] : [];
      });
    }

    it('says it is wrong on purpose', () => {
      expect(text.split('\n')[0]).toMatch(/WRONG ON PURPOSE/);
    });

    it('gives exactly the diagnostics its comment promises, in order', () => {
      const got = analyze(text).analysis.diagnostics.map((d) => [d.code, d.severity]);
      expect(promised()).toEqual([
        ['call-not-allowed', 'error'],
        ['send-not-allowed', 'error'],
        ['expect-failed', 'error'],
        ['state-spelling', 'warning'],
        ['bad-ack', 'error'],
        ['bad-seq', 'error'],
      ]);
      expect(got).toEqual(promised());
    });

    it('puts each diagnostic on the line after the comment that announces it', () => {
      const lines = text.split('\n');
      for (const d of analyze(text).analysis.diagnostics) {
        // The run of // lines closest above the diagnostic's line.
        let end = d.span.startLine - 1;
        while (end >= 0 && !lines[end].startsWith('//')) end--;
        let start = end;
        while (start > 0 && lines[start - 1].startsWith('//')) start--;
        expect(lines.slice(start, end + 1).join(' ')).toContain(d.code);
      }
    });
  });

  describe('through the built CLI', () => {
    it('synack check exits 0 with no output on all the correct examples', () => {
      const r = runCli(['check', ...correct.map(name)], ROOT);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    });

    it.each(correct.map((f) => [name(f)]))('synack check --json %s: no diagnostics, the same steps as in-process', (file) => {
      const r = runCli(['check', '--json', file], ROOT);
      expect(r.status).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.diagnostics).toEqual([]);
      const { analysis } = analyze(readFileSync(join(ROOT, file), 'utf8'));
      // `returns` (what calls return on a line) is checked in test/engine/errno-cli.test.ts.
      expect(json.steps.map(({ line, states }: { line: number; states: unknown }) => ({ line, states }))).toEqual(analysis.steps.map((s) => ({ line: s.line + 1, states: s.states })));
    });

    it('synack check exits 1 on the mistakes file and prints its diagnostics', () => {
      const file = name(MISTAKES);
      const r = runCli(['check', file], ROOT);
      expect(r.status).toBe(1);
      const codes = r.stdout.trim().split('\n').map((l) => {
        const m = /^(.+):(\d+):(\d+): (error|warning) ([a-z-]+): /.exec(l);
        expect(m?.[1]).toBe(file);
        return m![5];
      });
      expect(codes).toEqual(['call-not-allowed', 'send-not-allowed', 'expect-failed', 'state-spelling', 'bad-ack', 'bad-seq']);
    });
  });
});
