/**
 * The server's diagnostics in the editor (underlines, gutter, tooltips), each with the
 * quick fixes the server offers for it (`textDocument/codeAction`, asked once per
 * published set) as the tooltip's buttons.
 */
import { setDiagnostics, type Action, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import type { CodeAction, Command, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import type { PlaygroundHandoff } from '../handoff.js';
import { toChange, toOffset } from './positions.js';

const SEVERITY: Record<number, EditorDiagnostic['severity']> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit;
  if (!edit) return [];
  if (edit.changes?.[uri]) return edit.changes[uri];
  return (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits.filter((e): e is TextEdit => 'range' in e) : []));
}

async function quickFixes(handoff: PlaygroundHandoff, diagnostic: Diagnostic): Promise<Action[]> {
  const uri = handoff.document.uri;
  const answer = await handoff.connection.sendRequest<Array<CodeAction | Command> | null>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  return (answer ?? [])
    .filter((a): a is CodeAction => 'edit' in a && !!a.edit)
    .map((action) => ({
      name: action.title,
      apply(view: EditorView): void {
        const changes = editsFor(action, uri).map((e) => toChange(view.state.doc, e));
        view.dispatch({ changes });
      },
    }));
}

/** Shows every published set that is about the text the editor holds now. */
export function followDiagnostics(view: EditorView, handoff: PlaygroundHandoff): void {
  let newest = 0;
  handoff.onDiagnostics((params: PublishDiagnosticsParams) => {
    const asked = ++newest;
    // A set for an older text would underline the wrong places.
    if (params.version !== undefined && params.version !== handoff.document.version) return;
    void Promise.all(params.diagnostics.map(async (d) => {
      const doc = view.state.doc;
      let actions: Action[] = [];
      try {
        actions = await quickFixes(handoff, d);
      } catch {
        // Fixes are a help: without them the diagnostic still shows.
      }
      const from = toOffset(doc, d.range.start);
      return { from, to: Math.max(from, toOffset(doc, d.range.end)), severity: SEVERITY[d.severity ?? 1] ?? 'error', message: d.message, source: d.code !== undefined ? String(d.code) : undefined, actions } satisfies EditorDiagnostic;
    })).then((diagnostics) => {
      if (asked !== newest || params.version !== undefined && params.version !== handoff.document.version) return;
      view.dispatch(setDiagnostics(view.state, diagnostics));
    });
  });
}
