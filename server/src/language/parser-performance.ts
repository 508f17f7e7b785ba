/**
 * Langium 4.2's CstNodeBuilder.addHiddenNodes looks up the current node's index in
 * its container (`indexOf`) whenever the current node is still empty — for every
 * consumed token, even when there are no hidden tokens to add. In a scenario every
 * line is a child of the root, so that lookup scans the whole root: parsing becomes
 * quadratic (about 1 s of a 10,000-line parse). With no hidden tokens the method has
 * nothing to do, so skipping the call is behaviour-preserving.
 */
import { CstNodeBuilder } from 'langium';

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
