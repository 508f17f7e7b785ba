/** Source spans of parse-tree nodes, in the engine's Span shape. */
import { GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { Span } from '../engine/model.js';

export function spanOfCst(cst: CstNode): Span {
  const { start, end } = cst.range;
  return { startLine: start.line, startColumn: start.character, endLine: end.line, endColumn: end.character };
}

/** The span of a whole node. */
export function spanOf(node: AstNode): Span {
  return spanOfCst(node.$cstNode!);
}

/** The span of one property (the `index`-th value of a list property). */
export function spanOfProperty(node: AstNode, property: string, index?: number): Span {
  const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
  return cst ? spanOfCst(cst) : spanOf(node);
}

/** From the start of `a` to the end of `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return { startLine: a.startLine, startColumn: a.startColumn, endLine: b.endLine, endColumn: b.endColumn };
}
