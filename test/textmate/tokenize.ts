/**
 * Tokenizes `.tcpflow` text with the extension's TextMate grammar, the way VS Code does
 * (vscode-textmate on the Oniguruma WASM build), for the highlighting tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const GRAMMAR_PATH = `${repoRoot}syntaxes/tcpflow.tmLanguage.json`;

export interface Token {
  text: string;
  /** The scopes, innermost last, without the root `source.tcpflow`. */
  scopes: string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.tcpflow'
        ? textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
        : null,
  });
  const grammar = await registry.loadGrammar('source.tcpflow');
  if (!grammar) throw new Error('source.tcpflow did not load');
  return grammar;
}

export function grammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= loadGrammar();
  return grammarPromise;
}

/** Tokens of each line of `text`; the rule stack carries over from line to line. */
export async function tokenizeLines(text: string): Promise<Token[][]> {
  const g = await grammar();
  let stack = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = g.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes.filter((s) => s !== 'source.tcpflow'),
    }));
  });
}

export async function tokenizeLine(line: string): Promise<Token[]> {
  return (await tokenizeLines(line))[0];
}

/** The innermost scope of each token whose text is `text` (after trimming), in order. */
export function scopesOf(tokens: Token[], text: string): string[] {
  return tokens.filter((t) => t.text.trim() === text).map((t) => t.scopes.at(-1) ?? '');
}

/** The innermost scope of the only token whose trimmed text is `text`. */
export function scopeOf(tokens: Token[], text: string): string {
  const found = scopesOf(tokens, text);
  if (found.length !== 1) {
    throw new Error(`expected one token "${text}", found ${found.length} in ${JSON.stringify(tokens)}`);
  }
  return found[0];
}
