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
import { toRange } from './text.js';
import { isName } from '../language/reader/scanner.js';
import { say } from '../i18n/catalogue.js';
import { navigationMessages } from '../i18n/messages/navigation.js';

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
    // The scanner's own rule, so a new name reads back as exactly one name.
    if (!isName(newName)) {
      throw new ResponseError(ErrorCodes.InvalidParams, say(navigationMessages.notAName, { kind: occurrence.kind, name: newName }));
    }
    // A word the grammar uses (`left`, `over`) is a fine name: it reads as one wherever a name stands (language/reader/line-shape.ts).
    if (newName !== occurrence.name && occurrencesOf(doc, occurrence.kind, newName).length > 0) {
      throw new ResponseError(ErrorCodes.InvalidParams, say(navigationMessages.nameTaken, { kind: occurrence.kind, name: newName }));
    }
    const edits = occurrencesOf(doc, occurrence.kind, occurrence.name).map((o) => ({ range: toRange(o.span, doc.lines), newText: newName }));
    return { changes: { [document.uri.toString()]: edits } };
  }
}
