/**
 * What every surface does to the SVG Mermaid drew from a tcpflow text (the preview,
 * the exports, the export panel, the Markdown preview): slope the arrows as the text's
 * arrow plan asks (slope.ts), then put the state labels of its state plan beside the
 * lifelines (state-labels.ts). A text without plans comes back as Mermaid drew it.
 */
import { readArrowPlan } from './arrow-plan.js';
import { slopeArrows } from './slope.js';
import { readStatePlan } from './state-plan.js';
import { labelStates } from './state-labels.js';

export function finishDrawing(svg: string, mermaid: string): string {
  return labelStates(slopeArrows(svg, readArrowPlan(mermaid)), readStatePlan(mermaid));
}
