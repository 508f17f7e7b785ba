/**
 * Every table of the catalogue, so one test can check them all (test/i18n). A new area's
 * table is added here.
 */
import type { AnyMessage } from '../catalogue.js';
import { browserMessages } from './browser.js';
import { cliMessages } from './cli.js';
import { engineMessages } from './engine.js';
import { explainMessages } from './explain.js';
import { exportMessages } from './export.js';
import { helpMessages } from './help.js';
import { playgroundMessages, webExtensionMessages } from './playground.js';
import { readerMessages } from './reader.js';
import { serverMessages } from './server.js';

export const CATALOGUE: Readonly<Record<string, Readonly<Record<string, AnyMessage>>>> = {
  browser: browserMessages,
  cli: cliMessages,
  engine: engineMessages,
  explain: explainMessages,
  export: exportMessages,
  help: helpMessages,
  playground: playgroundMessages,
  reader: readerMessages,
  server: serverMessages,
  webExtension: webExtensionMessages,
};
