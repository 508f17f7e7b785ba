/**
 * Every table of the catalogue, so one test can check them all (test/i18n). A new area's
 * table is added here.
 */
import type { AnyMessage } from '../catalogue.js';
import { arriveMessages } from './arrive.js';
import { browserMessages } from './browser.js';
import { callMessages } from './calls.js';
import { cliMessages } from './cli.js';
import { callDescriptions, flagDescriptions, stateDescriptions } from './describe.js';
import { diagramMessages } from './diagram.js';
import { editorMessages } from './editor.js';
import { engineMessages } from './engine.js';
import { explainMessages } from './explain.js';
import { exportMessages } from './export.js';
import { helpMessages } from './help.js';
import { importMessages } from './import.js';
import { inlayHintMessages } from './inlay-hints.js';
import { navigationMessages } from './navigation.js';
import { learnerMessages } from './learner.js';
import { playgroundMessages, webExtensionMessages } from './playground.js';
import { readerMessages } from './reader.js';
import { rfcMessages } from './rfc.js';
import { runMessages } from './run.js';
import { sendMessages } from './send.js';
import { serverMessages } from './server.js';
import { socketMessages } from './sockets.js';
import { usageMessages } from './usage.js';

export const CATALOGUE: Readonly<Record<string, Readonly<Record<string, AnyMessage>>>> = {
  arrive: arriveMessages,
  browser: browserMessages,
  cli: cliMessages,
  diagram: diagramMessages,
  editor: editorMessages,
  engine: engineMessages,
  flags: flagDescriptions,
  calls: callDescriptions,
  callRules: callMessages,
  states: stateDescriptions,
  explain: explainMessages,
  export: exportMessages,
  help: helpMessages,
  import: importMessages,
  inlayHints: inlayHintMessages,
  navigation: navigationMessages,
  learner: learnerMessages,
  playground: playgroundMessages,
  reader: readerMessages,
  rfc: rfcMessages,
  run: runMessages,
  send: sendMessages,
  server: serverMessages,
  sockets: socketMessages,
  usage: usageMessages,
  webExtension: webExtensionMessages,
};
