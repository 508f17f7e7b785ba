/**
 * A simultaneous close written in order (issue 13): `a: close`, `b: close`,
 * `a -> b : FIN …`, `b -> a : FIN ACK …`. Both FINs are legal (b's FIN was queued by its
 * close, RFC 9293 §3.10.4), but b sent its FIN after a's FIN had arrived, so it also
 * acknowledges a's FIN and a goes FIN-WAIT-1 → TIME-WAIT. The learner's mistake is the
 * `expect a CLOSING` that follows: both sides reach CLOSING only when the FINs cross
 * (§3.6, Figure 13). That expect gets the one error, with this explanation and a fix
 * that redraws the two lines crossing: both sent with `~>`, delivered after both left.
 */
import type { Step } from './analysis.js';
import { endOf } from './anchor.js';
import { spanEnd, type Fix, type TextEdit } from './diagnostics.js';
import type { ExpectStatement, SegmentStatement, Statement } from './model.js';
import { formatSeq, seqAdd } from './seq.js';
import { say } from '../i18n/catalogue.js';
import { learnerMessages } from '../i18n/messages/learner.js';

export interface CrossingAdvice {
  /** The expect-failed message; a function, as it names other lines (they may move: anchor.ts). */
  readonly message: () => string;
  /** The rewrite into the crossing form, when the lines between allow it. */
  readonly fix?: Fix;
}

/**
 * Why `name` is TIME-WAIT and not CLOSING at the expect `expectIndex`, when the reason is
 * a simultaneous close drawn in order; undefined for any other failed expect.
 */
export function crossingCloseAdvice(statements: readonly Statement[], steps: readonly Step[], expectIndex: number, name: string): CrossingAdvice | undefined {
  const theirs = lastStep(steps, steps.length - 1, (s) => s.to === name && movedFrom(s, name, 'FIN-WAIT-1', 'TIME-WAIT'));
  if (theirs === undefined) return undefined;
  const second = steps[theirs];
  const peer = second.from;
  if (!peer || second.segment?.arrow !== '->' || !second.segment.flags.includes('FIN') || second.states[peer] !== 'CLOSING') return undefined;
  const mine = lastStep(steps, theirs - 1, (s) => s.from === name && s.to === peer && movedFrom(s, peer, 'FIN-WAIT-1', 'CLOSING'));
  if (mine === undefined) return undefined;
  const first = steps[mine];
  if (first.segment?.arrow !== '->') return undefined;
  const firstLine = statements[first.statementIndex] as SegmentStatement;
  const secondLine = statements[second.statementIndex] as SegmentStatement;
  const message = () => say(learnerMessages.closingOnlyWhenCrossing, {
    name, peer, finLine: firstLine.span.startLine + 1, peerFinLine: secondLine.span.startLine + 1,
  });
  const between = statements.slice(first.statementIndex + 1, expectIndex);
  const onlyNotes = between.every((s) => s === secondLine || s.kind === 'note');
  return { message, ...(onlyNotes ? { fix: crossingFix(statements, firstLine, secondLine, statements[expectIndex] as ExpectStatement) } : {}) };
}

/**
 * Both FINs sent with `~>` and delivered just before the expect. The peer's FIN no
 * longer acknowledges the first one (it left before that arrived): its written ack goes
 * back by what the first FIN occupied, its data and the FIN itself.
 */
function crossingFix(statements: readonly Statement[], first: SegmentStatement, second: SegmentStatement, expect: ExpectStatement): Fix {
  const taken = new Set(statements.flatMap((s) => (s.kind === 'segment' && s.tag ? [s.tag] : s.kind === 'deliver' ? [s.tag] : [])));
  const tagFor = (line: SegmentStatement): string => {
    if (line.tag) return line.tag;
    let tag = `fin_${line.from}`;
    for (let n = 2; taken.has(tag); n++) tag = `fin_${line.from}${n}`;
    taken.add(tag);
    return tag;
  };
  const edits: TextEdit[] = [];
  const inFlight = (line: SegmentStatement, tag: string): void => {
    edits.push({ span: line.arrowSpan, newText: '~>' });
    if (!line.tag) edits.push({ span: spanEnd(line.span), newText: ` as ${tag}` });
  };
  const firstTag = tagFor(first);
  const secondTag = tagFor(second);
  inFlight(first, firstTag);
  if (second.ack) edits.push({ span: second.ack.span, newText: `ack=${formatSeq(seqAdd(second.ack.value, -(first.length + 1)))}` });
  inFlight(second, secondTag);
  // At the start of the expect's line, following that line if an edit moves it (anchor.ts).
  edits.push({ span: endOf(expect.span, 0), newText: `deliver ${firstTag}\ndeliver ${secondTag}\n` });
  return { title: say(learnerMessages.rewriteAsCrossing), edits, preferred: true };
}

function movedFrom(step: Step, participant: string, before: string, after: string): boolean {
  return step.kind === 'segment' && step.transitions.some((t) => t.participant === participant && t.before === before && t.after === after);
}

/** The index of the last step at or before `from` that `test` accepts. */
function lastStep(steps: readonly Step[], from: number, test: (step: Step) => boolean): number | undefined {
  for (let i = from; i >= 0; i--) if (test(steps[i])) return i;
  return undefined;
}
