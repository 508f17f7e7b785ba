/** Source spans of parse-tree nodes, in the engine's Span shape. */
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import type { Span } from '../engine/model.js';

/**
 * The span of a CST node: Langium's `cst.range`, computed without it. A composite
 * node's `range` getter caches a new range object on the node (a property added to
 * every node asked, ~20 ms of garbage and shape changes on 10,000 lines); here the
 * same positions are read from the node's first and last leaves.
 */
export function spanOfCst(cst: CstNode): Span {
  const start = startOf(cst);
  const end = endOf(cst, start);
  return { startLine: start.line, startColumn: start.character, endLine: end.line, endColumn: end.character };
}

type Position = CstNode['range']['start'];

const ORIGIN: Position = { line: 0, character: 0 };

/** Langium's CompositeCstNodeImpl.firstNonHiddenNode, with an index loop. */
function firstNonHidden(content: readonly CstNode[]): CstNode | undefined {
  for (let i = 0; i < content.length; i++) if (!content[i].hidden) return content[i];
  return content[0];
}

/** Langium's CompositeCstNodeImpl.lastNonHiddenNode. */
function lastNonHidden(content: readonly CstNode[]): CstNode | undefined {
  for (let i = content.length - 1; i >= 0; i--) if (!content[i].hidden) return content[i];
  return content[content.length - 1];
}

/** `cst.range.start`, as Langium computes it. A composite node without children has the range (0,0)-(0,0). */
function startOf(cst: CstNode): Position {
  if (!isCompositeCstNode(cst)) return cst.range.start;
  return cst.content.length > 0 ? startOf(firstNonHidden(cst.content)!) : ORIGIN;
}

/** `cst.range.end`, as Langium computes it; `start` is `cst.range.start`. */
function endOf(cst: CstNode, start: Position): Position {
  if (!isCompositeCstNode(cst)) return cst.range.end;
  if (cst.content.length === 0) return ORIGIN;
  const last = lastNonHidden(cst.content)!;
  const end = endOf(last, startOf(last));
  // Langium's guard against an end before the start: the range collapses to its start.
  return end.line < start.line ? start : end;
}

/** The span of a whole node. */
export function spanOf(node: AstNode): Span {
  return spanOfCst(node.$cstNode!);
}

/** The grammar assignment (`name=…`, `flags+=…`) each grammar element belongs to, cached: there are few. */
const featureOfGrammarElement = new Map<AstNode, string | undefined>();

function featureOf(grammarSource: AstNode | undefined): string | undefined {
  if (!grammarSource) return undefined;
  let feature = featureOfGrammarElement.get(grammarSource);
  if (feature === undefined && !featureOfGrammarElement.has(grammarSource)) {
    feature = AstUtils.getContainerOfType(grammarSource, GrammarAST.isAssignment)?.feature;
    featureOfGrammarElement.set(grammarSource, feature);
  }
  return feature;
}

/**
 * The CST nodes of every property of `node`, found in one walk. Langium's
 * GrammarUtils.findNodesForProperty walks the node again for each property and looks
 * up each grammar element's assignment anew; on 10,000 lines that costs 0.5 s.
 */
export class PropertyNodes {
  private readonly byFeature = new Map<string, CstNode[]>();

  constructor(private readonly node: AstNode) {
    const cst = node.$cstNode;
    if (cst) this.collect(cst, true);
  }

  private collect(cst: CstNode, isRoot: boolean): void {
    if (!isRoot) {
      const feature = featureOf(cst.grammarSource);
      if (feature !== undefined) {
        const list = this.byFeature.get(feature);
        if (list) list.push(cst);
        else this.byFeature.set(feature, [cst]);
        return;
      }
    }
    if (isCompositeCstNode(cst) && cst.astNode === this.node) {
      // An index loop: `content` is an Array subclass, which `for … of` iterates slowly.
      const content = cst.content;
      for (let i = 0; i < content.length; i++) this.collect(content[i], false);
    }
  }

  all(property: string): readonly CstNode[] {
    return this.byFeature.get(property) ?? [];
  }

  /** The span of one property (the `index`-th value of a list property); the node's own span if absent. */
  span(property: string, index = 0): Span {
    const cst = this.all(property)[index];
    return cst ? spanOfCst(cst) : spanOf(this.node);
  }
}

/** From the start of `a` to the end of `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return { startLine: a.startLine, startColumn: a.startColumn, endLine: b.endLine, endColumn: b.endColumn };
}

const propertyNodesCache = new WeakMap<AstNode, PropertyNodes>();

export function propertyNodes(node: AstNode): PropertyNodes {
  let found = propertyNodesCache.get(node);
  if (!found) {
    found = new PropertyNodes(node);
    propertyNodesCache.set(node, found);
  }
  return found;
}

/** The span of one property (the `index`-th value of a list property). */
export function spanOfProperty(node: AstNode, property: string, index?: number): Span {
  return propertyNodes(node).span(property, index);
}
