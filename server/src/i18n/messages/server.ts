/** What the language server says: protocol errors, workspace log lines, its own diagnostics. */
import { PROGRAM_NAME } from '../../cli/program.js';
import { messages, type Message } from '../catalogue.js';

export const serverMessages = messages({
  notInitialized: {
    en: ({ method }) => `${method}: the server is not initialized yet; send \`initialize\` first`,
    'zh-CN': ({ method }) => `${method}：服务器尚未初始化，请先发送 \`initialize\``,
  } satisfies Message<{ method: string }>,
  invalidParams: {
    en: ({ method, path, expected, actual }) => `${method}: ${path} must be ${expected}, not ${actual}`,
    'zh-CN': ({ method, path, expected, actual }) => `${method}：${path} 应为 ${expected}，而不是 ${actual}`,
  } satisfies Message<{ method: string; path: string; expected: string; actual: string }>,
  notificationIgnored: {
    en: ({ problem }) => `ignored a malformed notification: ${problem}`,
    'zh-CN': ({ problem }) => `已忽略格式错误的通知：${problem}`,
  } satisfies Message<{ problem: string }>,
  documentNotOpen: {
    en: ({ uri }) => `${uri} is not open: open it in the editor first`,
    'zh-CN': ({ uri }) => `${uri} 尚未打开：请先在编辑器中打开它`,
  } satisfies Message<{ uri: string }>,
  workspaceFileSkipped: {
    en: ({ file, reason }) => `not checking ${file} in the workspace: ${reason}`,
    'zh-CN': ({ file, reason }) => `不检查工作区中的 ${file}：${reason}`,
  } satisfies Message<{ file: string; reason: string }>,
  notAFile: {
    en: 'it is not a regular file',
    'zh-CN': '它不是普通文件',
  } satisfies Message,
  tooLarge: {
    en: ({ size, limit }) => `${size} MB is larger than the ${limit} MB a scenario may be (open it to check it anyway)`,
    'zh-CN': ({ size, limit }) => `${size} MB 超过了场景文件的上限 ${limit} MB（打开该文件仍可检查）`,
  } satisfies Message<{ size: string; limit: string }>,
  binary: {
    en: 'binary data (NUL bytes), not a text file',
    'zh-CN': '二进制数据（含 NUL 字节），不是文本文件',
  } satisfies Message,
  unreadable: {
    en: ({ code }) => `cannot read it (${code})`,
    'zh-CN': ({ code }) => `无法读取（${code}）`,
  } satisfies Message<{ code: string }>,
  documentFailed: {
    en: ({ error }) => `${PROGRAM_NAME} could not check this document: internal error (${error}). Other documents are not affected; please report this with the file.`,
    'zh-CN': ({ error }) => `${PROGRAM_NAME} 无法检查此文档：内部错误（${error}）。其他文档不受影响；请附上该文件报告此问题。`,
  } satisfies Message<{ error: string }>,
  fileNotChecked: {
    en: ({ reason }) => `${PROGRAM_NAME} did not check this file: ${reason}`,
    'zh-CN': ({ reason }) => `${PROGRAM_NAME} 未检查此文件：${reason}`,
  } satisfies Message<{ reason: string }>,
  documentFailedLog: {
    en: ({ uri, error }) => `checking ${uri} failed: ${error}`,
    'zh-CN': ({ uri, error }) => `检查 ${uri} 失败：${error}`,
  } satisfies Message<{ uri: string; error: string }>,
  moreDiagnostics: {
    en: ({ shown, total }) => `Only the first ${shown} of ${total} problems in this document are shown. Run \`${PROGRAM_NAME} check\` on the file to see them all.`,
    'zh-CN': ({ shown, total }) => `此文档共有 ${total} 个问题，这里只显示前 ${shown} 个。对该文件运行 \`${PROGRAM_NAME} check\` 可查看全部。`,
  } satisfies Message<{ shown: string; total: string }>,
});
