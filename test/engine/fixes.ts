/** Applies a diagnostic's quick fix to the source text (0-based LSP-style spans). */
import type { Diagnostic, Fix } from '../../server/src/engine/diagnostics.js';

function offsetOf(lines: readonly string[], line: number, column: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  return offset + Math.min(column, lines[line]?.length ?? 0);
}

export function applyFix(text: string, fix: Fix): string {
  const lines = text.split('\n');
  const edits = fix.edits
    .map((e) => ({ start: offsetOf(lines, e.span.startLine, e.span.startColumn), end: offsetOf(lines, e.span.endLine, e.span.endColumn), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The preferred (or only) fix of a diagnostic. */
export function preferredFix(d: Diagnostic): Fix {
  const fixes = d.fixes ?? [];
  const fix = fixes.find((f) => f.preferred) ?? fixes[0];
  if (!fix) throw new Error(`${d.code} has no fix`);
  return fix;
}
