/**
 * The one service factory for the language core (parser, AST reflection), used by the
 * CLI, the tests and, extended with LSP services, by the language server.
 */
import { createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem, inject, type LangiumCoreServices, type LangiumSharedCoreServices } from 'langium';
import { TcpflowGeneratedModule, TcpflowGeneratedSharedModule } from './generated/module.js';
import './parser-performance.js';

export function createTcpflowCoreServices(): { shared: LangiumSharedCoreServices; Tcpflow: LangiumCoreServices } {
  const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), TcpflowGeneratedSharedModule);
  const Tcpflow = inject(createDefaultCoreModule({ shared }), TcpflowGeneratedModule);
  shared.ServiceRegistry.register(Tcpflow);
  return { shared, Tcpflow };
}
