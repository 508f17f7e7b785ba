/** What exporting says about the files it writes: where they go, why not, and what failed. */
import { PROGRAM_NAME } from '../../cli/program.js';
import { messages, type Message } from '../catalogue.js';
import { KIND_EN, KIND_ZH } from './cli.js';

type Display = { display: string };


export const exportMessages = messages({
  // Why a file-system call failed, in words (the system's code when there are none).
  reasonPermission: { en: 'permission denied', 'zh-CN': '权限不足' },
  reasonReadOnly: { en: 'read-only file system', 'zh-CN': '只读文件系统' },
  reasonNoSpace: { en: 'no space left on the device', 'zh-CN': '设备空间已满' },
  reasonQuota: { en: 'disk quota exceeded', 'zh-CN': '超出磁盘配额' },
  reasonNotFolder: { en: 'a part of the path is a file, not a folder', 'zh-CN': '路径中的某一部分是文件，不是目录' },
  reasonNoFolder: { en: 'the folder does not exist', 'zh-CN': '目录不存在' },
  reasonNameTooLong: { en: 'the name is too long for the file system', 'zh-CN': '名称超出了文件系统允许的长度' },
  reasonLinkLoop: { en: 'a loop of symbolic links', 'zh-CN': '符号链接构成了循环' },

  // The atomic writer.
  cannotWriteInto: {
    en: ({ display, folder, reason }) => `${display}: cannot write into ${folder} (${reason})`,
    'zh-CN': ({ display, folder, reason }) => `${display}：无法写入 ${folder}（${reason}）`,
  } satisfies Message<Display & { folder: string; reason: string }>,
  writeFailed: {
    en: ({ display, reason }) => `${display}: write failed (${reason})`,
    'zh-CN': ({ display, reason }) => `${display}：写入失败（${reason}）`,
  } satisfies Message<Display & { reason: string }>,
  cannotReplace: {
    en: ({ display, reason }) => `${display}: cannot replace it (${reason})`,
    'zh-CN': ({ display, reason }) => `${display}：无法替换它（${reason}）`,
  } satisfies Message<Display & { reason: string }>,
  cannotCheckOutput: {
    en: ({ display, reason }) => `${display}: cannot look at it (${reason})`,
    'zh-CN': ({ display, reason }) => `${display}：无法查看它（${reason}）`,
  } satisfies Message<Display & { reason: string }>,
  isFolder: {
    en: ({ display }) => `${display}: is a folder, not a file`,
    'zh-CN': ({ display }) => `${display}：这是一个目录，不是文件`,
  } satisfies Message<Display>,
  notRegularOutput: {
    en: ({ display, kind }) => `${display}: is ${KIND_EN[kind] ?? kind}, not a file; ${PROGRAM_NAME} writes regular files only (choose another path, or -o - for standard output)`,
    'zh-CN': ({ display, kind }) => `${display}：这是${KIND_ZH[kind] ?? kind}，不是文件；${PROGRAM_NAME} 只写普通文件（请换一个路径，或用 -o - 输出到标准输出）`,
  } satisfies Message<Display & { kind: string }>,
  folderIsFile: {
    en: ({ display, folder }) => `${display}: ${folder} is a file, not a folder`,
    'zh-CN': ({ display, folder }) => `${display}：${folder} 是文件，不是目录`,
  } satisfies Message<Display & { folder: string }>,
  pathThroughFile: {
    en: ({ display, folder }) => `${display}: a part of the path ${folder} is a file, not a folder`,
    'zh-CN': ({ display, folder }) => `${display}：路径 ${folder} 中的某一部分是文件，不是目录`,
  } satisfies Message<Display & { folder: string }>,
  cannotUseFolder: {
    en: ({ display, folder, reason }) => `${display}: cannot use folder ${folder} (${reason})`,
    'zh-CN': ({ display, folder, reason }) => `${display}：无法使用目录 ${folder}（${reason}）`,
  } satisfies Message<Display & { folder: string; reason: string }>,
  cannotCreateFolder: {
    en: ({ display, folder, reason }) => `${display}: cannot create folder ${folder} (${reason})`,
    'zh-CN': ({ display, folder, reason }) => `${display}：无法创建目录 ${folder}（${reason}）`,
  } satisfies Message<Display & { folder: string; reason: string }>,
  appearedMeanwhile: {
    en: ({ display }) => `${display}: was created by someone else while ${PROGRAM_NAME} worked; left as it is (add --force to replace it)`,
    'zh-CN': ({ display }) => `${display}：在 ${PROGRAM_NAME} 工作期间被别人创建了；保持原样（加 --force 可替换它）`,
  } satisfies Message<Display>,
  changedMeanwhile: {
    en: ({ display }) => `${display}: changed while ${PROGRAM_NAME} worked; not replaced, nothing lost (run ${PROGRAM_NAME} again)`,
    'zh-CN': ({ display }) => `${display}：在 ${PROGRAM_NAME} 工作期间被修改了；没有替换，什么也没丢（请再运行一次 ${PROGRAM_NAME}）`,
  } satisfies Message<Display>,

  // Where exports go (output-path.ts).
  outputAndOutDir: { en: '-o and --out-dir cannot be used together', 'zh-CN': '-o 与 --out-dir 不能同时使用' },
  oneOutputManyInputs: {
    en: ({ count }) => `-o names one output file, but ${count} scenarios were given: use --out-dir DIR`,
    'zh-CN': ({ count }) => `-o 只能指定一个输出文件，但给出了 ${count} 个场景：请使用 --out-dir DIR`,
  } satisfies Message<{ count: number }>,
  outsideFolder: {
    en: ({ display }) => `${display}: outside the current folder; name it with -o to write there, or use --out-dir inside this folder`,
    'zh-CN': ({ display }) => `${display}：在当前目录之外；要写到那里请用 -o 指明，或用当前目录内的 --out-dir`,
  } satisfies Message<Display>,
  sameOutput: {
    en: ({ display, first, second }) => `${display}: both ${first} and ${second} would be exported there; export them separately or rename one`,
    'zh-CN': ({ display, first, second }) => `${display}：${first} 和 ${second} 都会导出到这里；请分开导出或重命名其中一个`,
  } satisfies Message<Display & { first: string; second: string }>,
  outputIsScenario: {
    en: ({ display }) => `${display}: that is the scenario itself; choose another output`,
    'zh-CN': ({ display }) => `${display}：这就是场景文件本身；请选择别的输出`,
  } satisfies Message<Display>,
  outputIsFolder: {
    en: ({ display }) => `${display}: is a folder; -o names the output file (use --out-dir for a folder)`,
    'zh-CN': ({ display }) => `${display}：这是一个目录；-o 指定的是输出文件（目录请用 --out-dir）`,
  } satisfies Message<Display>,
  alreadyExists: {
    en: ({ display }) => `${display}: already exists; add --force to overwrite it`,
    'zh-CN': ({ display }) => `${display}：已存在；加 --force 可覆盖它`,
  } satisfies Message<Display>,

  // synack export and synack md.
  notExportedErrors: {
    en: ({ file }) => `${file}: not exported, it has errors (fix them, or add --allow-errors to export it with the errors marked)`,
    'zh-CN': ({ file }) => `${file}：有错误，未导出（请修正，或加 --allow-errors 导出并标出错误）`,
  } satisfies Message<{ file: string }>,
  nothingExported: { en: 'nothing exported', 'zh-CN': '没有导出任何文件' },
  unchanged: {
    en: ({ file, display }) => `${file} -> ${display} (unchanged)`,
    'zh-CN': ({ file, display }) => `${file} -> ${display}（未改变）`,
  } satisfies Message<{ file: string; display: string }>,
  drawingFailed: {
    en: ({ file, detail }) => `${file}: drawing failed (${detail})`,
    'zh-CN': ({ file, detail }) => `${file}：绘制失败（${detail}）`,
  } satisfies Message<{ file: string; detail: string }>,
  mdOutsideFolder: {
    en: ({ display }) => `${display}: outside the current folder; run ${PROGRAM_NAME} md from a folder that contains the Markdown file`,
    'zh-CN': ({ display }) => `${display}：在当前目录之外；请在包含该 Markdown 文件的目录中运行 ${PROGRAM_NAME} md`,
  } satisfies Message<Display>,
  mdForeignSvg: {
    en: ({ display }) => `${display}: already exists and was not drawn by ${PROGRAM_NAME}; add --force to overwrite it`,
    'zh-CN': ({ display }) => `${display}：已存在，且不是 ${PROGRAM_NAME} 画的；加 --force 可覆盖它`,
  } satisfies Message<Display>,
  mdNotWritten: {
    en: ({ file }) => `${file}: not written`,
    'zh-CN': ({ file }) => `${file}：未写入`,
  } satisfies Message<{ file: string }>,
  mdLinksUpdated: {
    en: ({ file }) => `${file}: image links updated`,
    'zh-CN': ({ file }) => `${file}：图片链接已更新`,
  } satisfies Message<{ file: string }>,
});
