/**
 * The command line's one-line usage errors: the ones every command shares (an unknown
 * option, a missing value or file) and export's and explain's own. Each starts with
 * the command's name; option names and values stay as they are written.
 */
import { messages, type Message } from '../catalogue.js';

type Command = { command: string };

export const usageMessages = messages({
  unknownOption: {
    en: ({ command, option }) => `${command}: unknown option ${option}`,
    'zh-CN': ({ command, option }) => `${command}：未知选项 ${option}`,
  } satisfies Message<Command & { option: string }>,
  needsValue: {
    en: ({ command, option }) => `${command}: ${option} needs a value`,
    'zh-CN': ({ command, option }) => `${command}：${option} 需要一个值`,
  } satisfies Message<Command & { option: string }>,
  noFile: {
    en: ({ command }) => `${command}: no file given`,
    'zh-CN': ({ command }) => `${command}：没有指定文件`,
  } satisfies Message<Command>,
  stateNamesTakes: {
    en: ({ command, value }) => `${command}: --state-names takes rfc or linux${value === undefined ? '' : `, not '${value}'`}`,
    'zh-CN': ({ command, value }) => `${command}：--state-names 的取值为 rfc 或 linux${value === undefined ? '' : `，而不是 '${value}'`}`,
  } satisfies Message<Command & { value: string | undefined }>,

  // new
  needsFileName: {
    en: ({ option }) => `new: ${option} needs a file name`,
    'zh-CN': ({ option }) => `new：${option} 需要一个文件名`,
  } satisfies Message<{ option: string }>,
  oneTemplate: {
    en: ({ names }) => `new: one template at a time (got ${names})`,
    'zh-CN': ({ names }) => `new：一次只能用一个模板（收到了 ${names}）`,
  } satisfies Message<{ names: string }>,

  // export
  formatRequired: { en: 'export: --format svg|png|md|mmd is required', 'zh-CN': 'export：必须指定 --format svg|png|md|mmd' },
  unknownFormat: {
    en: ({ format }) => `export: unknown format '${format}' (svg, png, md or mmd)`,
    'zh-CN': ({ format }) => `export：未知格式 '${format}'（可用 svg、png、md 或 mmd）`,
  } satisfies Message<{ format: string }>,
  outputOrOutDir: {
    en: 'export: use either -o PATH or --out-dir DIR, not both',
    'zh-CN': 'export：-o PATH 和 --out-dir DIR 只能用一个，不能同时使用',
  },
  scalePngOnly: { en: 'export: --scale applies to --format png only', 'zh-CN': 'export：--scale 只用于 --format png' },
  scaleRange: {
    en: ({ scale }) => `export: --scale must be a number from 0.25 to 8, not '${scale}'`,
    'zh-CN': ({ scale }) => `export：--scale 必须是 0.25 到 8 之间的数，而不是 '${scale}'`,
  } satisfies Message<{ scale: string }>,
  themeSvgPngOnly: {
    en: 'export: --theme applies to svg and png (md and mmd are drawn by the page that shows them)',
    'zh-CN': 'export：--theme 只用于 svg 和 png（md 和 mmd 由显示它们的页面绘制）',
  },
  unknownTheme: {
    en: ({ theme }) => `export: unknown theme '${theme}' (light or dark)`,
    'zh-CN': ({ theme }) => `export：未知主题 '${theme}'（可用 light 或 dark）`,
  } satisfies Message<{ theme: string }>,
  pngNeedsFile: {
    en: 'export: -o - writes text; a PNG needs a file name',
    'zh-CN': 'export：-o - 只能输出文本；PNG 需要一个文件名',
  },

  // --lang, which every command takes (cli/lang-option.ts), in every help text.
  everyCommandHeading: { en: 'Every command also takes:', 'zh-CN': '每个命令都可以加上：' },
  langOption: {
    en: '  --lang L   the language of the messages: en or zh-CN (default: from LC_ALL, LC_MESSAGES or LANG, else en)',
    'zh-CN': '  --lang L   消息使用的语言：en 或 zh-CN（默认取自 LC_ALL、LC_MESSAGES 或 LANG，否则为 en）',
  },
});
