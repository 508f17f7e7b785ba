/**
 * The language server's services: Langium's LSP modules, the generated grammar module
 * and the tcpflow features (which read documents with tcpflow's own reader). One factory for the server and the tests.
 */
import { EmptyFileSystem, inject, type Module } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createDefaultModule, createDefaultSharedModule, NormalizedTextDocuments,
  type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices,
} from 'langium/lsp';
import { TcpflowGeneratedModule, TcpflowGeneratedSharedModule } from '../language/generated/module.js';
import { DocumentAnalyses, TcpflowDocumentFactory } from './analyses.js';
import { TcpflowCodeActionProvider } from './code-actions.js';
import { TcpflowCompletionProvider } from './completion.js';
import { TcpflowDocumentBuilder } from './document-builder.js';
import { IncrementalReader } from './document-analysis.js';
import { EditLog, recordingTextDocuments } from './edit-log.js';
import { TcpflowFormatter } from './formatter.js';
import { TcpflowHoverProvider } from './hover.js';
import { TcpflowInlayHintProvider } from './inlay-hints.js';
import { OpenDocumentsOnly } from './open-documents.js';
import { TcpflowNavigation } from './navigation.js';
import { TcpflowSemanticTokens } from './semantic-tokens.js';
import { SettingsService } from './settings.js';
import { TcpflowStructure } from './structure.js';
import { TcpflowDocumentValidator } from './validator.js';
import { LazyWorkspaceManager } from './workspace-indexer.js';

export interface TcpflowAddedServices {
  readonly tcpflow: {
    readonly Analyses: DocumentAnalyses;
    readonly Settings: SettingsService;
    readonly Navigation: TcpflowNavigation;
    readonly Structure: TcpflowStructure;
  };
}

export type TcpflowServices = LangiumServices & TcpflowAddedServices;

/** `edits`: what the editor's edits changed, as recorded by the shared module's TextDocuments. */
const tcpflowLspModule = (edits: EditLog): Module<TcpflowServices, PartialLangiumServices & TcpflowAddedServices> => ({
  tcpflow: {
    Analyses: () => new DocumentAnalyses(() => new IncrementalReader(undefined, edits)),
    Settings: (s) => new SettingsService(s.shared),
    Navigation: (s) => new TcpflowNavigation(s.tcpflow.Analyses),
    Structure: (s) => new TcpflowStructure(s.tcpflow.Analyses),
  },
  validation: {
    DocumentValidator: (s) => new TcpflowDocumentValidator(s.tcpflow.Analyses),
  },
  lsp: {
    InlayHintProvider: (s) => new TcpflowInlayHintProvider(s.tcpflow.Analyses, s.tcpflow.Settings),
    HoverProvider: (s) => new TcpflowHoverProvider(s.tcpflow.Analyses, s.tcpflow.Settings),
    CodeActionProvider: (s) => new TcpflowCodeActionProvider(s.tcpflow.Analyses),
    CompletionProvider: (s) => new TcpflowCompletionProvider(s.tcpflow.Analyses),
    DefinitionProvider: (s) => s.tcpflow.Navigation,
    ReferencesProvider: (s) => s.tcpflow.Navigation,
    DocumentHighlightProvider: (s) => s.tcpflow.Navigation,
    RenameProvider: (s) => s.tcpflow.Navigation,
    DocumentSymbolProvider: (s) => s.tcpflow.Structure,
    FoldingRangeProvider: (s) => s.tcpflow.Structure,
    Formatter: (s) => new TcpflowFormatter(s.tcpflow.Analyses),
    SemanticTokenProvider: (s) => new TcpflowSemanticTokens(s.tcpflow.Analyses),
  },
});

const tcpflowSharedLspModule = (edits: EditLog): Module<LangiumSharedServices, PartialLangiumSharedServices> => ({
  workspace: {
    // Langium's document manager, with every applied edit recorded by the lines it changed (edit-log.ts).
    TextDocuments: () => new NormalizedTextDocuments(recordingTextDocuments(TextDocument, edits)),
    // Reading a document is the chunked read + one engine run of DocumentAnalyses.
    LangiumDocumentFactory: (shared) => new TcpflowDocumentFactory(shared, (uri) => (shared.ServiceRegistry.getServices(uri) as TcpflowServices).tcpflow.Analyses),
    // A validated document's diagnostics are published even if the build is cancelled
    // right after; a document whose check throws fails alone.
    DocumentBuilder: (shared) => new TcpflowDocumentBuilder(shared),
    // A request naming a document that is not loaded never reads it from disk.
    LangiumDocuments: (shared) => new OpenDocumentsOnly(shared, () => shared.workspace.TextDocuments),
    // The workspace's files are checked in the background, one at a time, each alone.
    WorkspaceManager: (shared) => new LazyWorkspaceManager(shared),
  },
});

export function createTcpflowServices(context: DefaultSharedModuleContext = EmptyFileSystem): { shared: LangiumSharedServices; Tcpflow: TcpflowServices } {
  const edits = new EditLog();
  const shared = inject(createDefaultSharedModule(context), TcpflowGeneratedSharedModule, tcpflowSharedLspModule(edits));
  const Tcpflow = inject(createDefaultModule({ shared }), TcpflowGeneratedModule, tcpflowLspModule(edits));
  shared.ServiceRegistry.register(Tcpflow);
  return { shared, Tcpflow };
}
