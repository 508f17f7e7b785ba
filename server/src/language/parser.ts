/**
 * Langium's parser with one step done faster: linking each AST node to its container.
 *
 * LangiumParser.parse ends with `linkContentToContainer(result, { deep: true })`, which
 * walks every node with `Object.entries` (an array per node and one per property) and
 * a `forEach` closure per array: on a 10,000-line scenario that walk was the most
 * expensive single step of the parse (~80 ms) and a tenth of its garbage. `parse` below
 * is Langium 4.2's, line for line, with that walk replaced by `linkContainers`, which
 * sets the same `$container`, `$containerProperty` and `$containerIndex` in the same
 * order. test/language/parser.test.ts compares the trees with Langium's own parser.
 */
import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult } from 'langium';
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';

/** The members of LangiumParser that its `parse` uses; Langium keeps some private. */
interface ParserInternals {
  readonly nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: IToken[]): void };
  lexerResult?: unknown;
  readonly lexer: { tokenize(input: string): { tokens: IToken[]; errors: ILexingError[]; hidden: IToken[]; report?: ParseResult['lexerReport'] } };
  readonly wrapper: { input: IToken[]; readonly errors: IRecognitionException[] };
  readonly allRules: Map<string, unknown>;
  readonly mainRule: unknown;
  readonly unorderedGroups: Map<string, boolean[]>;
  doParse(rule: unknown): AstNode;
}

export class TcpflowParser extends LangiumParser {
  override parse<T extends AstNode = AstNode>(input: string, options: { rule?: string } = {}): ParseResult<T> {
    const self = this as unknown as ParserInternals;
    self.nodeBuilder.buildRootNode(input);
    const lexerResult = self.lexerResult = self.lexer.tokenize(input);
    self.wrapper.input = lexerResult.tokens;
    const ruleMethod = options.rule ? self.allRules.get(options.rule) : self.mainRule;
    if (!ruleMethod) {
      throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
    }
    const result = self.doParse(ruleMethod);
    self.nodeBuilder.addHiddenNodes(lexerResult.hidden);
    self.unorderedGroups.clear();
    self.lexerResult = undefined;
    linkContainers(result);
    return {
      value: result as T,
      lexerErrors: lexerResult.errors,
      lexerReport: lexerResult.report,
      parserErrors: self.wrapper.errors,
    };
  }
}

/** What Langium's createLangiumParser does, with a TcpflowParser. */
export function createTcpflowParser(services: LangiumCoreServices): TcpflowParser {
  const parser = new TcpflowParser(services);
  createParser(services.Grammar, parser, services.parser.Lexer.definition);
  parser.finalize();
  return parser;
}

/** An AST node as the linking writes it: Langium's AstNode declares these read-only. */
interface Linkable {
  readonly $type: string;
  $container?: Linkable;
  $containerProperty?: string;
  $containerIndex?: number;
  readonly [property: string]: unknown;
}

function isAstNode(value: unknown): value is Linkable {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

/**
 * Langium's linkContentToContainer(node, { deep: true }): every property not starting
 * with `$` that holds a node, or an array of nodes, makes `node` their container.
 */
export function linkContainers(node: AstNode): void {
  link(node as unknown as Linkable);
}

function link(node: Linkable): void {
  // AST nodes are plain objects: `for … in` visits exactly Object.entries' keys, in its order.
  for (const name in node) {
    if (name.charCodeAt(0) === 0x24 /* $ */) continue;
    const value = node[name];
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (!isAstNode(item)) continue;
        item.$container = node;
        item.$containerProperty = name;
        item.$containerIndex = index;
        link(item);
      }
    } else if (isAstNode(value)) {
      value.$container = node;
      value.$containerProperty = name;
      link(value);
    }
  }
}
