/**
 * The state plan: the state changes the generator did not write as Mermaid notes (a
 * note always takes a row of its own, so a scenario's picture was mostly yellow boxes),
 * carried inside the Mermaid text as one comment line, so that every surface that draws
 * the text can put each one afterwards as a small label beside its lifeline, at the row
 * of its line's arrow or note (state-labels.ts). Mermaid ignores `%%` lines.
 *
 *   %% tcpflow-states m0:server:12:SYN-RECEIVED n3:client:8:SYN-SENT
 *
 * One token per label, in drawing order: the row (`mN`: the diagram's arrow number N,
 * `nN`: its note number N, both 0-based in drawing order), the Mermaid id of the
 * lifeline, the 0-based source line (for clicking the label), and the label's text,
 * percent-encoded (it is plain text: the post-processing escapes it for the SVG).
 *
 * Text that is drawn without tcpflow (the `mmd` and `md` exports, read by GitHub and
 * other Mermaid renderers) uses notes instead (MermaidOptions.states = 'notes').
 */

export const STATE_STYLES = ['labels', 'notes'] as const;
/** `labels`: state changes as small labels beside the lifelines; `notes`: as Mermaid notes, one row each. */
export type StateStyle = (typeof STATE_STYLES)[number];
export const DEFAULT_STATE_STYLE: StateStyle = 'labels';

export interface StateLabel {
  /** The row: the diagram's arrow or note (index in drawing order). */
  readonly at: { readonly kind: 'message' | 'note'; readonly index: number };
  /** The Mermaid id of the lifeline. */
  readonly participant: string;
  /** The 0-based source line that changed the state. */
  readonly line: number;
  readonly text: string;
}

const MARK = '%% tcpflow-states';
const TOKEN = /^([mn])(\d{1,9}):([A-Za-z][A-Za-z0-9_]{0,999}):(\d{1,9}):([^\s:]{1,4000})$/;

/** The comment line for these labels, or undefined for none (the text is then what it was before plans existed). */
export function statePlanLine(labels: readonly StateLabel[]): string | undefined {
  if (labels.length === 0) return undefined;
  const tokens = labels.map((l) => `${l.at.kind === 'message' ? 'm' : 'n'}${l.at.index}:${l.participant}:${l.line}:${encodeURIComponent(wellFormed(l.text))}`);
  return [MARK, ...tokens].join(' ');
}

/** The text with any lone surrogate (which encodeURIComponent refuses) replaced by U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * The labels of a Mermaid text's state plan; none when it has no plan. A token that is
 * not exactly the generator's shape (or does not decode) is left out.
 */
export function readStatePlan(mermaid: string): StateLabel[] {
  const start = mermaid.indexOf(`\n${MARK} `);
  if (start < 0) return [];
  const end = mermaid.indexOf('\n', start + 1);
  const line = mermaid.slice(start + 1 + MARK.length + 1, end < 0 ? undefined : end);
  const labels: StateLabel[] = [];
  for (const token of line.split(' ')) {
    const match = TOKEN.exec(token);
    if (!match) continue;
    let text: string;
    try {
      text = decodeURIComponent(match[5]);
    } catch {
      continue;
    }
    labels.push({
      at: { kind: match[1] === 'm' ? 'message' : 'note', index: Number(match[2]) },
      participant: match[3],
      line: Number(match[4]),
      text,
    });
  }
  return labels;
}
