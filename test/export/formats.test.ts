/**
 * One analysis drawn more than one way (server/src/export/formats.ts drawScenario), as
 * VS Code's export does: asked about errors first, then drawn with notes for Markdown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStateStyle, drawScenario, scenarioDiagram } from '../../server/src/export/formats.js';
import { analyzeText } from '../../server/src/language/analyze.js';

const HANDSHAKE = readFileSync(join('examples', 'three-way-handshake.tcpflow'), 'utf8');

describe('drawing an analysed text', () => {
  it('draws what scenarioDiagram draws from the text, in either state style', () => {
    const analyzed = analyzeText(HANDSHAKE);
    for (const states of ['labels', 'notes'] as const) {
      expect(drawScenario(analyzed, { states })).toEqual(scenarioDiagram(HANDSHAKE, { states }));
    }
    // The two styles are different texts: labels carry a state plan, notes a note per change.
    expect(drawScenario(analyzed, { states: 'labels' }).mermaid).toContain('%% tcpflow-states');
    expect(drawScenario(analyzed, { states: 'notes' }).mermaid).not.toContain('%% tcpflow-states');
  });

  it('Mermaid text formats default to notes, drawings to labels', () => {
    expect(['svg', 'png', 'md', 'mmd'].map((f) => defaultStateStyle(f as never))).toEqual(['labels', 'labels', 'notes', 'notes']);
  });
});
