/**
 * tcpflow parses with Langium's parser, changed in how, never in what (but for keywords
 * used as names, which the reference lexer below re-types too): tokens built
 * from another literal (language/lexer.ts), containers linked by a faster walk
 * (language/parser.ts), spans computed without Langium's cached ranges
 * (language/spans.ts). Here the trees, tokens and errors are compared with those of
 * Langium's own lexer and parser, and every node's span with its Langium range, on the
 * examples and on texts broken at random.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  createDefaultCoreModule, createDefaultSharedCoreModule, DefaultLexer, EmptyFileSystem, inject, isCompositeCstNode, isLeafCstNode,
  type AstNode, type CstNode, type LangiumCoreServices, type LexerResult, type TokenizeOptions,
} from 'langium';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import { TcpflowGeneratedModule, TcpflowGeneratedSharedModule } from '../../server/src/language/generated/module.js';
import { KeywordNames } from '../../server/src/language/keyword-names.js';
import { spanOfCst } from '../../server/src/language/spans.js';
import { createTcpflowCoreServices } from '../../server/src/language/tcpflow-module.js';
import { TcpflowTokenBuilder } from '../../server/src/language/token-builder.js';
import { listExamples } from '../support/examples.js';

/** TCPFLOW_PROPERTY_SCALE=20 runs twenty times as many cases (for a long search). */
const runs = (n: number) => Math.round(n * Number(process.env.TCPFLOW_PROPERTY_SCALE ?? 1));

/**
 * Langium's default lexer, with what tcpflow's lexer changes in what it gives (not how
 * fast): keywords used as names become names (language/keyword-names.ts).
 */
class ReferenceLexer extends DefaultLexer {
  private readonly keywordNames = new KeywordNames(this.definition);

  override tokenize(text: string, options?: TokenizeOptions): LexerResult {
    const result = super.tokenize(text, options);
    this.keywordNames.retype(result.tokens, (t) => t.tokenType.name === 'NL');
    return result;
  }
}

/** Langium's default lexer and parser, with only the grammar's block-comment matcher (a token, not a speed-up) and the keyword names. */
function langiumServices(): LangiumCoreServices {
  const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), TcpflowGeneratedSharedModule);
  const services = inject(createDefaultCoreModule({ shared }), TcpflowGeneratedModule, {
    parser: { TokenBuilder: () => new TcpflowTokenBuilder(), Lexer: (s: LangiumCoreServices) => new ReferenceLexer(s) },
  });
  shared.ServiceRegistry.register(services);
  return services;
}

const ours = createTcpflowCoreServices().Tcpflow;
const langium = langiumServices();

/** A CST node as data: where it is, what it is, its range. */
function cstData(cst: CstNode): unknown {
  const base = { offset: cst.offset, end: cst.end, hidden: cst.hidden, range: cst.range, grammar: cst.grammarSource?.$type };
  return isCompositeCstNode(cst)
    ? { ...base, children: cst.content.map((child) => ({ ...(cstData(child) as object), linked: child.container === cst })) }
    : { ...base, token: isLeafCstNode(cst) ? cst.tokenType.name : undefined };
}

/** An AST node as data, its container named by type and offset. */
function astData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(astData);
  if (value === null || typeof value !== 'object') return value;
  const node = value as AstNode & Record<string, unknown>;
  return Object.fromEntries(Object.entries(node).map(([key, v]) => {
    if (key === '$container') return [key, v ? `${(v as AstNode).$type}@${(v as AstNode).$cstNode?.offset}` : v];
    if (key === '$cstNode') return [key, v ? cstData(v as CstNode) : v];
    return [key, astData(v)];
  }));
}

/** Nodes whose span (spans.ts) is not their range as Langium computes it. */
function spanMismatches(cst: CstNode): string[] {
  const { start, end } = cst.range;
  const expected = { startLine: start.line, startColumn: start.character, endLine: end.line, endColumn: end.character };
  const own = JSON.stringify(spanOfCst(cst)) === JSON.stringify(expected) ? [] : [`${cst.offset}-${cst.end}`];
  return isCompositeCstNode(cst) ? [...own, ...cst.content.flatMap(spanMismatches)] : own;
}

function parsed(services: LangiumCoreServices, text: string): unknown {
  const result = services.parser.LangiumParser.parse(text);
  // Token types are numbered (tokenTypeIdx) per parser instance: compared by name.
  const tokens = services.parser.Lexer.tokenize(text).tokens.map(({ tokenTypeIdx: _, ...t }) => ({ ...t, tokenType: t.tokenType.name }));
  return {
    tree: astData(result.value),
    // Key order aside (lexer.ts lists the keys in another order on purpose), the same tokens.
    tokens: tokens.map((t) => Object.fromEntries(Object.entries(t).sort(([a], [b]) => a.localeCompare(b)))),
    lexerErrors: result.lexerErrors,
    parserErrors: result.parserErrors.map((e) => ({ message: e.message, token: e.token.image, offset: e.token.startOffset })),
  };
}

const examples = listExamples(join(__dirname, '..', '..', 'examples')).map((p) => readFileSync(p, 'utf8'));

describe('the parser gives what Langium gives', () => {
  it.each([...examples.map((t, i) => [`example ${i}`, t]), ['generated', generateScenario(40)]])('%s', (_, text) => {
    expect(parsed(ours, text)).toEqual(parsed(langium, text));
    expect(spanMismatches(langium.parser.LangiumParser.parse(text).value.$cstNode!)).toEqual([]);
  });

  it('on example lines mixed with random tokens (recovery, junk, unclosed comments)', () => {
    const lines = examples.join('\n').split('\n');
    const token = fc.constantFrom('a', ':', '->', '-x', '~>', ',', '+', '=', ' ', 'SYN', 'seq=', 'J+1', 'note', 'over', 'expect', 'participant', 'as', '"t"', '"', '/*', '*/', '//', '@', 'é', '\n', '\r\n');
    const line = fc.oneof(fc.constantFrom(...lines), fc.array(token, { maxLength: 12 }).map((ts) => ts.join('')));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (ls) => {
        const text = ls.join('\n');
        expect(parsed(ours, text)).toEqual(parsed(langium, text));
        expect(spanMismatches(langium.parser.LangiumParser.parse(text).value.$cstNode!)).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });
});
