/** Completion from the server: its items, snippets as CodeMirror snippets. */
import { snippet, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { CompletionItem, CompletionList, InsertReplaceEdit, TextEdit } from 'vscode-languageserver-protocol';
import type { PlaygroundHandoff } from '../handoff.js';
import { toOffset, toPosition } from './positions.js';

const SNIPPET_FORMAT = 2;

function editOf(item: CompletionItem): TextEdit | undefined {
  const edit = item.textEdit as TextEdit | InsertReplaceEdit | undefined;
  if (!edit) return undefined;
  return 'range' in edit ? edit : { range: edit.insert, newText: edit.newText };
}

/** CodeMirror writes every field in braces: LSP's bare `$1` becomes `${1}`. */
function lspSnippet(text: string): string {
  return text.replace(/\$(\d+)/g, '${$1}');
}

export function completionSource(handoff: PlaygroundHandoff) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const word = context.matchBefore(/[\w.-]*/);
    if (!context.explicit && (!word || word.from === word.to)) return null;
    const doc = context.state.doc;
    const answer = await handoff.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: handoff.document.uri },
      position: toPosition(doc, context.pos),
    }).catch(() => null);
    if (!answer) return null;
    const items = Array.isArray(answer) ? answer : answer.items;
    let from = word?.from ?? context.pos;
    const options: Completion[] = items.map((item) => {
      const edit = editOf(item);
      if (edit) from = Math.min(from, toOffset(doc, edit.range.start));
      const text = edit?.newText ?? item.insertText ?? item.label;
      const documentation = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
      return {
        label: item.label,
        detail: item.detail,
        info: documentation,
        apply: item.insertTextFormat === SNIPPET_FORMAT ? snippet(lspSnippet(text)) : text,
      };
    });
    return { from, options, validFor: /^[\w.-]*$/ };
  };
}
