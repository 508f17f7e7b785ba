/**
 * Inputs the fuzzers found, shrunk by hand to their smallest form, kept as plain tests
 * so that they run on every `npm test` whatever seed the properties draw.
 */
import { describe, expect, it } from 'vitest';
import { generateMermaid } from '../../server/src/diagram/mermaid.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { mermaidProblems } from './invariants.js';

describe('fuzz regressions', () => {
  it('a diagram window that starts after connect() re-opens its activation bar (no deactivate of an inactive participant)', () => {
    // Found by the generateMermaid property (maxMessages 0, focus mid-handshake). Mermaid
    // rejects the whole diagram ("Trying to inactivate an inactive participant").
    const text = 'server: listen\nclient: connect\nclient -> server : SYN\nserver -> client : SYN ACK\nclient -> server : ACK\n';
    const { scenario, analysis } = analyzeText(text);
    const diagram = generateMermaid(scenario, analysis, { maxMessages: 1, focusLine: 3 });
    expect(mermaidProblems(diagram.text)).toEqual([]);
    expect(diagram.text).toContain('activate client\nserver->>client');
  });
});
