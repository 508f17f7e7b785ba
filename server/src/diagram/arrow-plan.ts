/**
 * The arrow plan: what the generator knows about each arrow's time (where a segment
 * left, whether it was lost or is an old duplicate) and Mermaid cannot draw, carried
 * inside the Mermaid text as one comment line, so that every surface that draws the
 * text (the preview, the CLI's exports, the export panel, the Markdown preview) can
 * slope the arrows afterwards (slope.ts) from the text alone. Mermaid ignores `%%`
 * lines, and a page that draws the text without tcpflow (GitHub) draws it flat.
 *
 *   %% tcpflow-arrows flat p f3 x o n
 *
 * One token per arrow, in drawing order: `p` an ordinary segment, `x` a lost one (or one
 * in flight that is never delivered), `o` an old duplicate, `fN` one in flight that left
 * at the row of the diagram's note number N (0-based, in drawing order), `f` one in
 * flight that left before the drawn part of the diagram.
 */

export const ARROW_STYLES = ['textbook', 'flat'] as const;
/** `textbook`: every segment slopes a little (time passes in transit); `flat`: only in-flight, lost and old ones. */
export type ArrowStyle = (typeof ARROW_STYLES)[number];
export const DEFAULT_ARROW_STYLE: ArrowStyle = 'textbook';

export type ArrowTime =
  | { readonly kind: 'plain' }
  | { readonly kind: 'lost' }
  | { readonly kind: 'old' }
  /** `sentAtNote`: the note (index in drawing order) at the row where it left; none when that row is not drawn. */
  | { readonly kind: 'flight'; readonly sentAtNote?: number };

export interface ArrowPlan {
  readonly style: ArrowStyle;
  readonly arrows: readonly ArrowTime[];
}

const MARK = '%% tcpflow-arrows';

/**
 * The comment line for a plan, or undefined when the plan asks for nothing (flat and
 * every arrow ordinary): the text is then what it was before plans existed.
 */
export function arrowPlanLine(plan: ArrowPlan): string | undefined {
  if (plan.style === 'flat' && plan.arrows.every((a) => a.kind === 'plain')) return undefined;
  const tokens = plan.arrows.map((a) => (a.kind === 'plain' ? 'p' : a.kind === 'lost' ? 'x' : a.kind === 'old' ? 'o'
    : `f${a.sentAtNote ?? ''}`));
  return [MARK, plan.style, ...tokens].join(' ');
}

const LINE = /^%% tcpflow-arrows (textbook|flat)((?: (?:p|x|o|f\d{0,9}))*)[ \t]*$/m;

/**
 * The plan in a Mermaid text, or a flat plan of ordinary arrows when it has none (or
 * one that is not exactly the generator's shape: anything else is left alone).
 */
export function readArrowPlan(mermaid: string): ArrowPlan {
  const match = LINE.exec(mermaid);
  if (!match) return { style: 'flat', arrows: [] };
  const arrows = match[2].split(' ').filter((t) => t !== '').map((t): ArrowTime => {
    if (t === 'p') return { kind: 'plain' };
    if (t === 'x') return { kind: 'lost' };
    if (t === 'o') return { kind: 'old' };
    return t.length > 1 ? { kind: 'flight', sentAtNote: Number(t.slice(1)) } : { kind: 'flight' };
  });
  return { style: match[1] as ArrowStyle, arrows };
}
