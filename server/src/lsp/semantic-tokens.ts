/**
 * Semantic tokens, for what the TextMate grammar cannot know: which names are
 * participants, which are sequence symbols (`J`, `K`), tags, states, flags and calls.
 *
 * | kind | token type | modifier |
 * |---|---|---|
 * | participant | variable | declaration where declared or first used |
 * | sequence symbol | parameter | |
 * | tag | event | declaration at `as TAG` |
 * | state | enumMember | |
 * | flag | macro | |
 * | call | function | |
 */
import type { LangiumDocument } from 'langium';
import type { SemanticTokenProvider } from 'langium/lsp';
import {
  SemanticTokensBuilder,
  type SemanticTokens, type SemanticTokensDeltaParams, type SemanticTokensOptions, type SemanticTokensParams, type SemanticTokensRangeParams,
} from 'vscode-languageserver';
import { FLAGS, type SeqField } from '../engine/model.js';
import type { DocumentAnalyses } from './analyses.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { occurrences } from './occurrences.js';
import { wordsOfLine } from '../language/reader/scanner.js';

export const TOKEN_TYPES = ['variable', 'parameter', 'event', 'enumMember', 'macro', 'function'] as const;
export const TOKEN_MODIFIERS = ['declaration'] as const;
type TokenType = (typeof TOKEN_TYPES)[number];

export interface Token {
  readonly line: number;
  readonly start: number;
  readonly length: number;
  readonly type: TokenType;
  readonly declaration: boolean;
}

export function semanticTokens(doc: DocumentAnalysis): Token[] {
  const tokens: Token[] = [];
  const add = (line: number, start: number, length: number, type: TokenType, declaration = false) => {
    if (length > 0) tokens.push({ line, start, length, type, declaration });
  };
  for (const o of occurrences(doc)) {
    if (o.span.startLine !== o.span.endLine) continue;
    add(o.span.startLine, o.span.startColumn, o.span.endColumn - o.span.startColumn, o.kind === 'participant' ? 'variable' : 'event', o.definition);
  }
  const symbols = (field: SeqField | undefined) => {
    if (!field || field.span.startLine !== field.span.endLine) return;
    // The field's first word is its key; the words after it are symbols (`J` in seq=J+1).
    const [, ...symbolWords] = wordsOfLine(doc.lines[field.span.startLine] ?? '', field.span.startColumn, field.span.endColumn);
    for (const w of symbolWords) add(field.span.startLine, w.start, w.text.length, 'parameter');
  };
  for (const s of doc.scenario.statements) {
    switch (s.kind) {
      case 'segment': {
        const line = doc.lines[s.flagsSpan.startLine] ?? '';
        if (s.flagsSpan.startLine === s.flagsSpan.endLine) {
          for (const w of wordsOfLine(line, s.flagsSpan.startColumn, s.flagsSpan.endColumn)) {
            if ((FLAGS as readonly string[]).includes(w.text.toUpperCase())) add(s.flagsSpan.startLine, w.start, w.text.length, 'macro');
          }
        }
        symbols(s.seq);
        symbols(s.ack);
        break;
      }
      case 'participant':
        if (s.startSpan && s.startSpan.startLine === s.startSpan.endLine) add(s.startSpan.startLine, s.startSpan.startColumn, s.startSpan.endColumn - s.startSpan.startColumn, 'enumMember');
        symbols(s.snd);
        symbols(s.rcv);
        break;
      case 'expect':
        for (const c of s.checks) add(c.stateSpan.startLine, c.stateSpan.startColumn, c.stateSpan.endColumn - c.stateSpan.startColumn, 'enumMember');
        break;
      case 'call':
        add(s.callSpan.startLine, s.callSpan.startColumn, s.callSpan.endColumn - s.callSpan.startColumn, 'function');
        break;
      default:
        break;
    }
  }
  tokens.sort((a, b) => a.line - b.line || a.start - b.start);
  // Overlaps cannot be encoded: keep the first token at a position.
  return tokens.filter((t, i) => i === 0 || t.line !== tokens[i - 1].line || t.start >= tokens[i - 1].start + tokens[i - 1].length);
}

export class TcpflowSemanticTokens implements SemanticTokenProvider {
  readonly tokenTypes: Record<string, number> = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i]));
  readonly tokenModifiers: Record<string, number> = Object.fromEntries(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));
  readonly semanticTokensOptions: SemanticTokensOptions = {
    legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] },
    full: true,
    range: true,
  };

  constructor(private readonly analyses: DocumentAnalyses) {}

  semanticHighlight(document: LangiumDocument, _params: SemanticTokensParams): SemanticTokens {
    return this.build(this.analyses.get(document));
  }

  semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams): SemanticTokens {
    return this.build(this.analyses.get(document), params.range.start.line, params.range.end.line);
  }

  semanticHighlightDelta(document: LangiumDocument, _params: SemanticTokensDeltaParams): SemanticTokens {
    return this.build(this.analyses.get(document));
  }

  private build(doc: DocumentAnalysis, firstLine = 0, lastLine = Number.MAX_SAFE_INTEGER): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    for (const t of semanticTokens(doc)) {
      if (t.line < firstLine || t.line > lastLine) continue;
      builder.push(t.line, t.start, t.length, this.tokenTypes[t.type], t.declaration ? 1 : 0);
    }
    return builder.build();
  }
}
