/**
 * Every snippet, expanded with its default placeholders, is a valid scenario: no
 * diagnostics from the parser or the engine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, diagnosticToString } from '../support/analyze.js';

const snippets = JSON.parse(readFileSync('snippets/tcpflow.json', 'utf8')) as Record<string, { body: string[] }>;

/** `${1:client}` → `client`, `$0` → ``: what VS Code inserts when the user just tabs through. */
function expand(body: string[]): string {
  return body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

describe('snippets', () => {
  it('exist', () => expect(Object.keys(snippets).length).toBeGreaterThanOrEqual(4));
  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name} expands to a scenario without diagnostics`, () => {
      const { analysis } = analyze(expand(snippet.body));
      expect(analysis.diagnostics.map(diagnosticToString)).toEqual([]);
      expect(analysis.steps.length).toBeGreaterThan(0);
    });
  }
});
