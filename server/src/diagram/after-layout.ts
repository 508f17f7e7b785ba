/**
 * What every tcpflow surface does to Mermaid's drawing of a diagram it generated (the
 * preview, the exports, the export panel, the Markdown preview): slope the arrows
 * (slope.ts), then draw the state changes as labels on their lifelines
 * (compact-states.ts), each from the plan the generator wrote into the Mermaid text.
 */
import { readArrowPlan } from './arrow-plan.js';
import { compactStates } from './compact-states.js';
import { slopeArrows } from './slope.js';
import { readStatePlan } from './state-plan.js';

export function afterLayout(svg: string, mermaid: string): string {
  return compactStates(slopeArrows(svg, readArrowPlan(mermaid)), readStatePlan(mermaid));
}
