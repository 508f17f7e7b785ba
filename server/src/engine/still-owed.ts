/**
 * The replies a step carries over from earlier lines: owed after it (Step.owing) but not
 * made due by it (Step.replies). The hover and `explain` list these apart from the
 * line's own replies, which they already show as "owes".
 */
import type { Step } from './analysis.js';

/** Step.owing minus the endpoints this line made a reply due for (that one is the line's own). */
export function stillOwed(step: Step): NonNullable<Step['owing']> {
  if (!step.owing) return [];
  return step.owing.filter(({ participant }) => !step.replies.some((r) => r.participant === participant));
}
