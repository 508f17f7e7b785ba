/**
 * Go to definition, references, highlights and rename for participant names and tags,
 * from the occurrences the model records (occurrences.ts).
 */
import type { LangiumDocument } from 'langium';
import type { DefinitionProvider, DocumentHighlightProvider, ReferencesProvider, RenameProvider } from 'langium/lsp';
import {
  DocumentHighlightKind, ResponseError, ErrorCodes,
  type DefinitionParams, type DocumentHighlight, type DocumentHighlightParams, type Location, type LocationLink,
  type PrepareRenameParams, type Range, type ReferenceParams, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { DocumentAnalyses } from './analyses.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { occurrenceAt, occurrencesOf, type Occurrence } from './occurrences.js';
import { IDENTIFIER, toRange } from './text.js';

export class TcpflowNavigation implements DefinitionProvider, ReferencesProvider, DocumentHighlightProvider, RenameProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  private at(document: LangiumDocument, params: TextDocumentPositionParams): { doc: DocumentAnalysis; occurrence?: Occurrence } {
    const doc = this.analyses.get(document);
    return { doc, occurrence: occurrenceAt(doc, params.position) };
  }

  getDefinition(document: LangiumDocument, params: DefinitionParams): LocationLink[] | undefined {
    const { doc, occurrence } = this.at(document, params);
    if (!occurrence) return undefined;
    const target = occurrencesOf(doc, occurrence.kind, occurrence.name).find((o) => o.definition);
    if (!target) return undefined;
    const range = toRange(target.span, doc.lines);
    return [{ originSelectionRange: toRange(occurrence.span, doc.lines), targetUri: document.uri.toString(), targetRange: range, targetSelectionRange: range }];
  }

  findReferences(document: LangiumDocument, params: ReferenceParams): Location[] {
    const { doc, occurrence } = this.at(document, params);
    if (!occurrence) return [];
    return occurrencesOf(doc, occurrence.kind, occurrence.name)
      .filter((o) => params.context.includeDeclaration || !o.definition)
      .map((o) => ({ uri: document.uri.toString(), range: toRange(o.span, doc.lines) }));
  }

  getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams): DocumentHighlight[] {
    const { doc, occurrence } = this.at(document, params);
    if (!occurrence) return [];
    return occurrencesOf(doc, occurrence.kind, occurrence.name).map((o) => ({
      range: toRange(o.span, doc.lines),
      kind: o.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
  }

  prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
    const { doc, occurrence } = this.at(document, params);
    return occurrence ? toRange(occurrence.span, doc.lines) : undefined;
  }

  rename(document: LangiumDocument, params: RenameParams): WorkspaceEdit | undefined {
    const { doc, occurrence } = this.at(document, params);
    if (!occurrence) return undefined;
    const newName = params.newName;
    const what = occurrence.kind === 'participant' ? 'A participant name' : 'A tag';
    if (!IDENTIFIER.test(newName)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${what} is a letter or _ followed by letters, digits or _: \`${newName}\` is not.`);
    }
    // A word the grammar uses (`left`, `over`) is a fine name: it reads as one wherever a name stands (language/reader/line-shape.ts).
    if (newName !== occurrence.name && occurrencesOf(doc, occurrence.kind, newName).length > 0) {
      throw new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is already used in this scenario: renaming would merge two ${occurrence.kind}s.`);
    }
    const edits = occurrencesOf(doc, occurrence.kind, occurrence.name).map((o) => ({ range: toRange(o.span, doc.lines), newText: newName }));
    return { changes: { [document.uri.toString()]: edits } };
  }
}
