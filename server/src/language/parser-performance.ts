/**
 * Small patches to Langium 4.2's CST builder and CST nodes that keep parsing linear and
 * cheap on 10,000-line scenarios. Each one changes how, never what: the tree is the
 * same, node for node.
 *
 * - CstNodeBuilder.addHiddenNodes looks up the current node's index in its container
 *   (`indexOf`) whenever the current node is still empty — for every consumed token,
 *   even when there are no hidden tokens to add. In a scenario every line is a child of
 *   the root, so that lookup scans the whole root: parsing becomes quadratic (about 1 s
 *   of a 10,000-line parse). With no hidden tokens the method has nothing to do, so the
 *   call is skipped.
 * - A node's children are a CstNodeContainer, a subclass of Array whose `push` takes
 *   rest arguments and calls `super.push(...items)`. An array with its own prototype is
 *   not a "fast" array to V8, so every push took the generic, property-by-property path:
 *   ~50 ms of a 10,000-line parse. One child is now stored by index.
 * - CompositeCstNode's `firstNonHiddenNode` iterates its children with `for … of`, which
 *   on that same subclass goes through a real iterator object; every `range`, `offset`
 *   and `length` of a node asks for it. An index loop finds the same child.
 */
import { CompositeCstNodeImpl, CstNodeBuilder, type CstNode } from 'langium';

type HiddenTokens = Parameters<CstNodeBuilder['addHiddenNodes']>[0];

const PATCHED = Symbol.for('tcpflow.addHiddenNodes.skipEmpty');
const proto = CstNodeBuilder.prototype as CstNodeBuilder & { [PATCHED]?: boolean };

if (!proto[PATCHED]) {
  const addHiddenNodes = proto.addHiddenNodes;
  proto.addHiddenNodes = function (this: CstNodeBuilder, tokens: HiddenTokens): void {
    if (tokens.length > 0) addHiddenNodes.call(this, tokens);
  };
  proto[PATCHED] = true;
}

/** CstNodeContainer is not exported: its prototype is reached through a node's `content`. */
interface Container extends Array<CstNode> {
  readonly parent: CompositeCstNodeImpl;
}
type Push = (this: Container, ...items: CstNode[]) => number;

const PUSH_PATCHED = Symbol.for('tcpflow.cstContainer.push');
const containerProto = Object.getPrototypeOf(new CompositeCstNodeImpl().content) as Container & { [PUSH_PATCHED]?: boolean };

if (!containerProto[PUSH_PATCHED] && containerProto !== Array.prototype) {
  const pushMany = containerProto.push as Push;
  // What CstNodeContainer.push does for one item: set its container, append it.
  containerProto.push = function (this: Container, item: CstNode): number {
    // eslint-disable-next-line prefer-rest-params -- a rest parameter would allocate on every call
    if (arguments.length !== 1) return pushMany.apply(this, arguments as unknown as CstNode[]);
    (item as CstNode & { container: CompositeCstNodeImpl }).container = this.parent;
    this[this.length] = item;
    return this.length;
  } as Push;
  containerProto[PUSH_PATCHED] = true;
}

const FIRST_PATCHED = Symbol.for('tcpflow.composite.firstNonHiddenNode');
const compositeProto = CompositeCstNodeImpl.prototype as CompositeCstNodeImpl & { [FIRST_PATCHED]?: boolean };

if (!compositeProto[FIRST_PATCHED]) {
  Object.defineProperty(compositeProto, 'firstNonHiddenNode', {
    configurable: true,
    get(this: CompositeCstNodeImpl): CstNode | undefined {
      const content = this.content;
      for (let i = 0; i < content.length; i++) {
        if (!content[i].hidden) return content[i];
      }
      return content[0];
    },
  });
  compositeProto[FIRST_PATCHED] = true;
}
