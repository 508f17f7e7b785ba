/**
 * Inlay hints (the states after each event line, inferred seq/ack) as widgets at the
 * end of their positions. Asked for after each published diagnostics set (the document
 * is analysed then) and when the server asks for a refresh.
 */
import { StateEffect, StateField, type Range } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { InlayHint } from 'vscode-languageserver-protocol';
import type { PlaygroundHandoff } from '../handoff.js';
import { toOffset } from './positions.js';

class HintWidget extends WidgetType {
  constructor(private readonly label: string, private readonly padLeft: boolean) { super(); }

  override eq(other: HintWidget): boolean {
    return other.label === this.label && other.padLeft === this.padLeft;
  }

  toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = `cm-inlay-hint${this.padLeft ? ' cm-inlay-hint-pad' : ''}`;
    span.textContent = this.label;
    return span;
  }
}

const setHints = StateEffect.define<DecorationSet>();

const hintField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(hints, tr) {
    for (const effect of tr.effects) if (effect.is(setHints)) return effect.value;
    return hints.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

function labelOf(hint: InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

export const inlayHintExtension = hintField;

export function followInlayHints(view: EditorView, handoff: PlaygroundHandoff): void {
  let newest = 0;
  const refresh = async (): Promise<void> => {
    const asked = ++newest;
    const version = handoff.document.version;
    const doc = view.state.doc;
    const end = doc.lineAt(doc.length);
    const hints = await handoff.connection.sendRequest<InlayHint[] | null>('textDocument/inlayHint', {
      textDocument: { uri: handoff.document.uri },
      range: { start: { line: 0, character: 0 }, end: { line: end.number - 1, character: end.length } },
    });
    if (asked !== newest || version !== handoff.document.version) return;
    const ranges: Array<Range<Decoration>> = (hints ?? []).map((hint) => Decoration.widget({
      widget: new HintWidget(labelOf(hint), hint.paddingLeft ?? false),
      side: 1,
    }).range(toOffset(view.state.doc, hint.position)));
    view.dispatch({ effects: setHints.of(Decoration.set(ranges, true)) });
  };
  const ask = (): void => void refresh().catch(() => undefined);
  handoff.onDiagnostics(ask);
  handoff.connection.onRequest('workspace/inlayHint/refresh', () => {
    ask();
    return null;
  });
  ask();
}
