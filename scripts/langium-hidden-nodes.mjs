/**
 * A minimal reproduction of Langium 4.2.1's quadratic `addHiddenNodes`, for the upstream
 * report that docs/benchmarks.md describes. Run it alone: `node scripts/langium-hidden-nodes.mjs`.
 *
 * Stock Langium (the installed package, nothing patched), a grammar of one statement
 * kind and a line comment. When a comment comes before a statement, the CST builder's
 * `addHiddenNodes` finds the new statement node's place with
 * `current.container.content.indexOf(current)` and inserts the comment with `splice`:
 * both walk the root's children, which grow with every statement, so N statements with
 * a comment before each cost O(N²): doubling N should double the time spent there; it
 * quadruples.
 * The same statements without comments or line breaks between them are the control: linear.
 */
import { CstNodeBuilder } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';

// Measurement only: the time spent inside addHiddenNodes is added up around Langium's
// own method, which runs unchanged.
const addHiddenNodes = CstNodeBuilder.prototype.addHiddenNodes;
let insideMs = 0;
CstNodeBuilder.prototype.addHiddenNodes = function timed(tokens) {
  const started = performance.now();
  try {
    return addHiddenNodes.call(this, tokens);
  } finally {
    insideMs += performance.now() - started;
  }
};

const GRAMMAR = `
grammar HiddenNodes
entry Model: items+=Item*;
Item: 'item' name=ID ';';
hidden terminal WS: /\\s+/;
hidden terminal SL_COMMENT: /\\/\\/[^\\n\\r]*/;
terminal ID: /[_a-zA-Z][\\w_]*/;
`;

const services = await createServicesForGrammar({ grammar: GRAMMAR });
const parser = services.parser.LangiumParser;

/**
 * N statements, each after a comment on its own line; or the control: the same
 * statements on one line, where the only hidden token (a space) lies inside a statement
 * and is appended to it without the search.
 */
function text(n, comments) {
  const items = [];
  for (let i = 0; i < n; i++) items.push(comments ? `// comment ${i}\nitem a${i};` : `item a${i};`);
  return items.join(comments ? '\n' : '');
}

/**
 * The least of three parses: the whole parse's CPU time (user + system; on a shared
 * machine less swayed by the load than wall time) and the time inside addHiddenNodes.
 */
function best(source) {
  let parse = Infinity;
  let hidden = Infinity;
  for (let run = 0; run < 3; run++) {
    insideMs = 0;
    const started = process.cpuUsage();
    const result = parser.parse(source);
    const used = process.cpuUsage(started);
    parse = Math.min(parse, (used.user + used.system) / 1000);
    hidden = Math.min(hidden, insideMs);
    if (result.lexerErrors.length + result.parserErrors.length > 0) throw new Error('the text does not parse');
  }
  return { parse, hidden };
}

best(text(1000, true)); // warm up the JIT
console.log('| statements | a comment before each: parse, CPU ms | of which in addHiddenNodes, ms | growth for ×2 statements | control: parse, CPU ms |');
console.log('|---:|---:|---:|---:|---:|');
let previous;
for (const n of [5_000, 10_000, 20_000, 40_000]) {
  const withComments = best(text(n, true));
  const control = best(text(n, false));
  const growth = previous ? `×${(withComments.hidden / previous).toFixed(1)}` : '';
  console.log(`| ${n} | ${withComments.parse.toFixed(0)} | ${withComments.hidden.toFixed(0)} | ${growth} | ${control.parse.toFixed(0)} |`);
  previous = withComments.hidden;
}
