/**
 * What must hold for any input, however hostile: checks that return the problems they
 * find (an empty list when all is well), so a property can report them all at once.
 */
import type { TextAnalysis } from '../../server/src/language/analyze.js';
import type { Span } from '../../server/src/engine/model.js';
import { applyPositionedEdits } from '../support/text.js';

/** Lines as an LSP client counts them: `\n`, `\r\n` and `\r` end a line (LSP 3.17 "Text Documents"). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * A span is inside the document: lines exist, columns within their line (end may be the
 * line's end), start ≤ end. With `clampColumns`, a column past its line's end is allowed:
 * LSP clients clamp it to the line's length ("defaults back to the line length"), and
 * the engine's "insert at the end of this line" edits use Number.MAX_SAFE_INTEGER.
 */
export function spanProblem(span: Span, lines: readonly string[], clampColumns = false): string | undefined {
  const { startLine, endLine } = span;
  const ints = [startLine, span.startColumn, endLine, span.endColumn];
  if (!ints.every((n) => Number.isInteger(n) && n >= 0)) return `not a non-negative integer position: ${JSON.stringify(span)}`;
  if (startLine >= lines.length || endLine >= lines.length) return `line past the end (${lines.length} lines): ${JSON.stringify(span)}`;
  const startColumn = clampColumns ? Math.min(span.startColumn, lines[startLine].length) : span.startColumn;
  const endColumn = clampColumns ? Math.min(span.endColumn, lines[endLine].length) : span.endColumn;
  if (startColumn > lines[startLine].length) return `start column past the line's end (${lines[startLine].length}): ${JSON.stringify(span)}`;
  if (endColumn > lines[endLine].length) return `end column past the line's end (${lines[endLine].length}): ${JSON.stringify(span)}`;
  if (endLine < startLine || (endLine === startLine && endColumn < startColumn)) return `end before start: ${JSON.stringify(span)}`;
  return undefined;
}

/** Every position the analysis hands to an editor lies inside the text. */
export function analysisProblems(text: string, result: TextAnalysis): string[] {
  const lines = splitLines(text);
  const problems: string[] = [];
  const check = (what: string, span: Span | undefined, clampColumns = false) => {
    if (!span) return;
    const p = spanProblem(span, lines, clampColumns);
    if (p) problems.push(`${what}: ${p}`);
  };
  const { analysis, scenario } = result;
  for (const d of analysis.diagnostics) {
    check(`diagnostic ${d.code}`, d.span);
    if (typeof d.message !== 'string' || d.message.length === 0) problems.push(`diagnostic ${d.code} without a message`);
    for (const fix of d.fixes ?? []) for (const edit of fix.edits) check(`fix "${fix.title}" of ${d.code}`, edit.span, true);
  }
  for (const step of analysis.steps) {
    if (!(step.line >= 0 && step.line < lines.length)) problems.push(`step on line ${step.line} of ${lines.length}`);
  }
  for (const p of analysis.participants) check(`participant ${p.name}`, p.span);
  for (const t of analysis.tags) check(`tag ${t.tag}`, t.span);
  for (const s of scenario.statements) check(`statement ${s.kind}`, s.span);
  return problems;
}

/** Applies non-overlapping edits (LSP semantics: all ranges refer to the original text). */
export function applyEdits(text: string, edits: ReadonlyArray<{ span: Span; newText: string }>): string {
  return applyPositionedEdits(text, edits.map(({ span, newText }) => ({
    start: { line: span.startLine, character: span.startColumn },
    end: { line: span.endLine, character: span.endColumn },
    newText,
  })));
}

// ---------------------------------------------------------------- the Mermaid output

const ID = '[A-Za-z][A-Za-z0-9_]*';
const MERMAID_RESERVED = new Set([
  'participant', 'actor', 'create', 'destroy', 'as', 'box', 'loop', 'rect', 'opt', 'alt', 'else', 'par', 'and',
  'critical', 'option', 'break', 'end', 'left', 'right', 'of', 'over', 'note', 'activate', 'deactivate', 'title',
  'autonumber', 'off', 'sequencediagram', 'x', 'o', 'links', 'link', 'properties', 'details',
]);

/**
 * Characters user text may keep as they are in a Mermaid label: letters and digits of
 * any script, space, and ASCII marks that end nothing in Mermaid's sequence lexer.
 * Everything else must arrive as an entity `#NNN;`; `<br>` is the generator's own line break.
 */
function textProblem(text: string, alias: boolean): string | undefined {
  const rest = text.replace(/#[0-9]+;/g, '').replace(alias ? /$^/ : /<br>/g, '');
  for (const ch of rest) {
    if (/^[A-Za-z0-9 .\-_=+/()?!']$/.test(ch)) continue;
    if (!alias && (ch === ',' || ch === ':')) continue;
    if (ch.charCodeAt(0) >= 0x80 && /^[\p{L}\p{N}]$/u.test(ch) && ch !== 'ß' && ch !== 'ﬂ') continue;
    return `raw ${JSON.stringify(ch)} in ${alias ? 'a participant label' : 'a label'}: ${JSON.stringify(text.slice(0, 200))}`;
  }
  if (text === '' || text.startsWith(' ')) return `empty or space-led text: ${JSON.stringify(text)}`;
  if (/^(:|(no)?wrap:)/i.test(text)) return `text read by Mermaid as an option: ${JSON.stringify(text.slice(0, 60))}`;
  return undefined;
}

/**
 * The generated source is made only of statements the generator means to write, each
 * on its own line, with user text escaped: no raw line break, `;`, `#`, `%%`, `<`, `{`
 * from user text; participant ids declared and not Mermaid keywords; `rect … end`
 * balanced; no `deactivate` of a participant that is not active. The only `%%` lines
 * allowed are the generator's arrow plan (arrow-plan.ts) and state plan (state-plan.ts),
 * last, in that order, exactly in their shapes.
 */
export function mermaidProblems(text: string): string[] {
  const problems: string[] = [];
  if (typeof text !== 'string') return [`not a string: ${typeof text}`];
  const source = text.replace(/\n(?:%% tcpflow-arrows (?:textbook|flat)(?: (?:p|x|o|f\d{0,9}))*\n)?(?:%% tcpflow-states(?: \d{1,9}:[A-Za-z][A-Za-z0-9_]*)*\n)?$/, '\n');
  if (!source.endsWith('\n')) problems.push('does not end with a newline');
  if (source.includes('\r')) problems.push('contains a carriage return');
  if (source.includes('%')) problems.push('contains % (a %% comment or %%{ directive could start)');
  if (/[\u2028\u2029\u0085\0]/.test(source)) problems.push('contains a Unicode line separator or NUL');
  const lines = source.slice(0, -1).split('\n');
  if (lines[0] !== 'sequenceDiagram') problems.push(`first line is ${JSON.stringify(lines[0])}`);
  const ids = new Set<string>();
  const active = new Map<string, number>();
  let depth = 0;
  const idProblem = (id: string, where: string) => {
    if (!new RegExp(`^${ID}$`).test(id)) return `bad id ${JSON.stringify(id)} in ${where}`;
    if (MERMAID_RESERVED.has(id.toLowerCase())) return `id ${id} is a Mermaid keyword`;
    if (!ids.has(id)) return `id ${id} used before its participant line`;
    return undefined;
  };
  lines.slice(1).forEach((line, i) => {
    const where = `line ${i + 2}: ${JSON.stringify(line.slice(0, 160))}`;
    const push = (p: string | undefined) => { if (p) problems.push(`${p} (${where})`); };
    let m: RegExpExecArray | null;
    if ((m = /^title (.*)$/.exec(line))) {
      push(textProblem(m[1], false));
    } else if ((m = new RegExp(`^participant (${ID}) as (.*)$`).exec(line))) {
      if (ids.has(m[1])) push(`participant ${m[1]} declared twice`);
      ids.add(m[1]);
      push(idProblem(m[1], 'participant'));
      push(textProblem(m[2], true));
    } else if ((m = new RegExp(`^Note (over (${ID})(?:,(${ID}))?|left of (${ID})|right of (${ID})): (.*)$`).exec(line))) {
      for (const id of [m[2], m[3], m[4], m[5]]) if (id) push(idProblem(id, 'note'));
      // A note over two participants is wrapped by Mermaid: the generator's own `wrap:`, then text with no `<br>`.
      if (m[3] && !m[6].startsWith('wrap:')) push('a note over two participants without wrap:');
      const text = m[3] ? m[6].slice('wrap:'.length) : m[6];
      if (m[3] && text.includes('<br>')) push('<br> in a note Mermaid wraps (it would not wrap it)');
      push(textProblem(text, false));
    } else if ((m = new RegExp(`^(${ID})(->>|-x|-->>|--\\)|--x)(${ID}): (.*)$`).exec(line))) {
      push(idProblem(m[1], 'message'));
      push(idProblem(m[3], 'message'));
      push(textProblem(m[4], false));
    } else if ((m = new RegExp(`^activate (${ID})$`).exec(line))) {
      push(idProblem(m[1], 'activate'));
      active.set(m[1], (active.get(m[1]) ?? 0) + 1);
    } else if ((m = new RegExp(`^deactivate (${ID})$`).exec(line))) {
      push(idProblem(m[1], 'deactivate'));
      if (!active.get(m[1])) push(`deactivate of ${m[1]}, which is not active`);
      else active.set(m[1], active.get(m[1])! - 1);
    } else if (/^rect rgba\(\d{1,3}, \d{1,3}, \d{1,3}, (?:0\.\d+|1)\)$/.test(line)) {
      depth++;
    } else if (line === 'end') {
      if (depth === 0) push('end without rect');
      depth = Math.max(0, depth - 1);
    } else {
      push('a line the generator does not write');
    }
  });
  if (depth !== 0) problems.push(`${depth} rect(s) never ended`);
  return problems;
}
