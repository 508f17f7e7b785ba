/** What the command line says about its input files. */
import { messages, type Message } from '../catalogue.js';

export const cliMessages = messages({
  isDirectory: {
    en: ({ file }) => `${file}: is a directory, not a .tcpflow file`,
    'zh-CN': ({ file }) => `${file}：这是一个目录，不是 .tcpflow 文件`,
  } satisfies Message<{ file: string }>,
});
