/** What the command line says about its input files, and about itself failing. */
import { PROGRAM_NAME } from '../../cli/program.js';
import { messages, type Message } from '../catalogue.js';

type File = { file: string };

/** What a path is when it is not a regular file (regular-file.ts's FileKind, but for people). */
export const KIND_EN: Record<string, string> = {
  folder: 'a folder', fifo: 'a named pipe (FIFO)', device: 'a device', socket: 'a socket', other: 'not a regular file',
};
export const KIND_ZH: Record<string, string> = {
  folder: '一个目录', fifo: '一个命名管道（FIFO）', device: '一个设备', socket: '一个套接字', other: '不是普通文件',
};

export const cliMessages = messages({
  isDirectory: {
    en: ({ file }) => `${file}: is a directory, not a .tcpflow file`,
    'zh-CN': ({ file }) => `${file}：这是一个目录，不是 .tcpflow 文件`,
  } satisfies Message<File>,
  notRegularInput: {
    en: ({ file, kind }) => `${file}: is ${KIND_EN[kind] ?? kind}, not a file; ${PROGRAM_NAME} reads regular files only (save the text to a file first)`,
    'zh-CN': ({ file, kind }) => `${file}：这是${KIND_ZH[kind] ?? kind}，不是文件；${PROGRAM_NAME} 只读取普通文件（请先把文本保存为文件）`,
  } satisfies Message<File & { kind: string }>,
  noSuchFile: {
    en: ({ file }) => `${file}: no such file`,
    'zh-CN': ({ file }) => `${file}：文件不存在`,
  } satisfies Message<File>,
  cannotRead: {
    en: ({ file, reason }) => `${file}: cannot read (${reason})`,
    'zh-CN': ({ file, reason }) => `${file}：无法读取（${reason}）`,
  } satisfies Message<File & { reason: string }>,
  tooLarge: {
    en: ({ file, megabytes, limit }) => `${file}: ${megabytes} MB is larger than the ${limit} MB a scenario may be`,
    'zh-CN': ({ file, megabytes, limit }) => `${file}：${megabytes} MB 超过了场景文件的上限 ${limit} MB`,
  } satisfies Message<File & { megabytes: string; limit: number }>,
  tooLargeWhileReading: {
    en: ({ file, limit }) => `${file}: more than the ${limit} MB a scenario may be (it kept growing while it was read)`,
    'zh-CN': ({ file, limit }) => `${file}：超过了场景文件的上限 ${limit} MB（读取时它仍在变大）`,
  } satisfies Message<File & { limit: number }>,
  binary: {
    en: ({ file }) => `${file}: binary data (NUL bytes), not a text file`,
    'zh-CN': ({ file }) => `${file}：二进制数据（含 NUL 字节），不是文本文件`,
  } satisfies Message<File>,
  utf16WithoutBom: {
    en: ({ file }) => `${file}: looks like UTF-16 without a byte-order mark; save it as UTF-8 (or as UTF-16 with a BOM)`,
    'zh-CN': ({ file }) => `${file}：看起来是没有字节顺序标记（BOM）的 UTF-16；请另存为 UTF-8（或带 BOM 的 UTF-16）`,
  } satisfies Message<File>,
  utf32: {
    en: ({ file }) => `${file}: is UTF-32 text; save it as UTF-8`,
    'zh-CN': ({ file }) => `${file}：这是 UTF-32 文本；请另存为 UTF-8`,
  } satisfies Message<File>,
  badUtf16: {
    en: ({ file }) => `${file}: starts with a UTF-16 byte-order mark but is not valid UTF-16; save it as UTF-8`,
    'zh-CN': ({ file }) => `${file}：以 UTF-16 字节顺序标记开头，但不是有效的 UTF-16；请另存为 UTF-8`,
  } satisfies Message<File>,
  notUtf8: {
    en: ({ file }) => `${file}: not valid UTF-8 text`,
    'zh-CN': ({ file }) => `${file}：不是有效的 UTF-8 文本`,
  } satisfies Message<File>,
  analysisFailed: {
    en: ({ file, detail }) => `${file}: could not be checked (${detail}); this is a bug in ${PROGRAM_NAME}, please report it with the file`,
    'zh-CN': ({ file, detail }) => `${file}：无法检查（${detail}）；这是 ${PROGRAM_NAME} 的缺陷，请连同该文件一起报告`,
  } satisfies Message<File & { detail: string }>,
  noCurrentFolder: {
    en: `the current folder no longer exists (it was deleted or moved); cd into a folder and run ${PROGRAM_NAME} again`,
    'zh-CN': `当前目录已不存在（已被删除或移动）；请进入一个目录后再运行 ${PROGRAM_NAME}`,
  },
  unknownLang: {
    en: ({ value }) => `--lang: '${value}' is not a language this tool speaks; use --lang en or --lang zh-CN`,
    'zh-CN': ({ value }) => `--lang：不支持 '${value}'；请使用 --lang en 或 --lang zh-CN`,
  } satisfies Message<{ value: string }>,
  internalError: {
    en: ({ detail }) => `internal error: ${detail}`,
    'zh-CN': ({ detail }) => `内部错误：${detail}`,
  } satisfies Message<{ detail: string }>,
});
