/**
 * The one service factory for the language core (parser, AST reflection), used by the
 * CLI, the tests and, extended with LSP services, by the language server.
 */
import { createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem, inject, type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices } from 'langium';
import { TcpflowGeneratedModule, TcpflowGeneratedSharedModule } from './generated/module.js';
import { TcpflowLexer } from './lexer.js';
import { createTcpflowParser } from './parser.js';
import './parser-performance.js';
import { TcpflowTokenBuilder } from './token-builder.js';

/** What tcpflow changes in Langium's core services; the language server injects it too. */
export const TcpflowCoreModule: Module<LangiumCoreServices, PartialLangiumCoreServices> = {
  parser: {
    TokenBuilder: () => new TcpflowTokenBuilder(),
    Lexer: (services) => new TcpflowLexer(services),
    LangiumParser: (services) => createTcpflowParser(services),
  },
};

export function createTcpflowCoreServices(): { shared: LangiumSharedCoreServices; Tcpflow: LangiumCoreServices } {
  const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), TcpflowGeneratedSharedModule);
  const Tcpflow = inject(createDefaultCoreModule({ shared }), TcpflowGeneratedModule, TcpflowCoreModule);
  shared.ServiceRegistry.register(Tcpflow);
  return { shared, Tcpflow };
}
