/**
 * editor.js: CodeMirror 6 wired to the language server through the page's connection
 * (handoff.ts). Everything the editor shows about the scenario comes from the server:
 * diagnostics with their quick fixes, inlay hints, hover and completion.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { awaitHandoff, type PlaygroundHandoff } from '../handoff.js';
import { completionSource } from './completion.js';
import { followDiagnostics } from './diagnostics.js';
import { hoverExtension } from './hover.js';
import { followInlayHints, inlayHintExtension } from './inlay-hints.js';

function mount(handoff: PlaygroundHandoff): void {
  const parent = document.getElementById('editor');
  if (!parent) return;
  parent.replaceChildren();
  const scenario = handoff.document;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: scenario.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        EditorView.lineWrapping,
        history(),
        closeBrackets(),
        lintGutter(),
        inlayHintExtension,
        hoverExtension(handoff),
        autocompletion({ override: [completionSource(handoff)] }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': document.getElementById('editor-heading')?.textContent ?? 'Scenario', spellcheck: 'false' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) scenario.setText(update.state.doc.toString());
          if (update.selectionSet || update.docChanged) handoff.cursorLine(update.state.doc.lineAt(update.state.selection.main.head).number - 1);
        }),
      ],
    }),
  });
  // A text from elsewhere (an example, a share link): the editor shows it.
  scenario.onDidReplace((text) => {
    if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  });
  handoff.revealLine = (line) => {
    const doc = view.state.doc;
    const target = doc.line(Math.min(Math.max(1, line + 1), doc.lines));
    view.dispatch({ selection: { anchor: target.from, head: target.to }, scrollIntoView: true });
    view.focus();
  };
  followDiagnostics(view, handoff);
  followInlayHints(view, handoff);
  document.body.dataset.editor = 'ready';
}

void awaitHandoff().then(mount);
