/** What the playground page (playground/, out/playground/index.html) says. */
import { PROGRAM_NAME } from '../../cli/program.js';
import { messages, type Message } from '../catalogue.js';

export const playgroundMessages = messages({
  pageTitle: { en: 'TCP Flow playground', 'zh-CN': 'TCP Flow 在线演练场' },
  examples: { en: 'Examples', 'zh-CN': '示例' },
  examplesChoose: { en: 'Open an example…', 'zh-CN': '打开示例…' },
  share: { en: 'Share', 'zh-CN': '分享' },
  shareTitle: { en: 'Put the scenario in the link (compressed in the address; nothing is sent anywhere)', 'zh-CN': '把场景放进链接（压缩在网址中；不会发送到任何地方）' },
  shareCopied: { en: 'Link copied: the scenario is in the address.', 'zh-CN': '链接已复制：场景就在网址里。' },
  shareReady: { en: 'The scenario is in the address: copy it from the address bar.', 'zh-CN': '场景已放进网址：请从地址栏复制。' },
  shareTooLong: {
    en: ({ kilobytes }) => `The link would be ${kilobytes} KB long; browsers may cut it. Download the .tcpflow file instead.`,
    'zh-CN': ({ kilobytes }) => `链接将有 ${kilobytes} KB 长，浏览器可能会截断它。请改为下载 .tcpflow 文件。`,
  } satisfies Message<{ kilobytes: string }>,
  sharedUnreadable: { en: 'The scenario in this link could not be read (the link is damaged or cut short); showing an example instead.', 'zh-CN': '无法读取此链接中的场景（链接已损坏或被截断）；改为显示示例。' },
  download: { en: 'Download', 'zh-CN': '下载' },
  downloadSvg: { en: 'SVG image', 'zh-CN': 'SVG 图像' },
  downloadPng: { en: 'PNG image', 'zh-CN': 'PNG 图像' },
  downloadScenario: { en: 'Scenario (.tcpflow)', 'zh-CN': '场景（.tcpflow）' },
  downloadMarkdown: { en: 'Markdown (.md)', 'zh-CN': 'Markdown（.md）' },
  downloadFailed: { en: ({ reason }) => `The download could not be made: ${reason}`, 'zh-CN': ({ reason }) => `无法生成下载文件：${reason}` } satisfies Message<{ reason: string }>,
  noDiagramYet: { en: 'There is no diagram to download yet.', 'zh-CN': '还没有可以下载的图。' },
  theme: { en: 'Theme', 'zh-CN': '主题' },
  themeLight: { en: 'Light', 'zh-CN': '浅色' },
  themeDark: { en: 'Dark', 'zh-CN': '深色' },
  editorLabel: { en: 'Scenario', 'zh-CN': '场景' },
  diagramLabel: { en: 'Diagram', 'zh-CN': '时序图' },
  editorLoading: { en: 'Loading the editor…', 'zh-CN': '正在加载编辑器…' },
  serverStarting: { en: 'Starting the checker…', 'zh-CN': '正在启动检查器…' },
  serverFailed: { en: ({ reason }) => `The checker could not start: ${reason}`, 'zh-CN': ({ reason }) => `检查器无法启动：${reason}` } satisfies Message<{ reason: string }>,
  diagramFailed: { en: ({ reason }) => `The diagram could not be drawn: ${reason}`, 'zh-CN': ({ reason }) => `无法绘制时序图：${reason}` } satisfies Message<{ reason: string }>,
  syntaxError: {
    en: ({ line, message }) => `Syntax error on line ${line}: ${message} (showing the last diagram without errors)`,
    'zh-CN': ({ line, message }) => `第 ${line} 行有语法错误：${message}（显示最后一张没有错误的图）`,
  } satisfies Message<{ line: number; message: string }>,
  problems: {
    en: ({ errors, warnings }) => `${errors} error(s), ${warnings} warning(s)`,
    'zh-CN': ({ errors, warnings }) => `${errors} 个错误，${warnings} 个警告`,
  } satisfies Message<{ errors: number; warnings: number }>,
  noProblems: { en: 'No problems: every step follows RFC 9293.', 'zh-CN': '没有问题：每一步都符合 RFC 9293。' },
  quickFix: { en: 'Quick fix', 'zh-CN': '快速修复' },
  offline: { en: 'Runs entirely in your browser: nothing you type leaves this page.', 'zh-CN': '完全在浏览器中运行：你输入的内容不会离开此页面。' },
  zoomIn: { en: 'Zoom in', 'zh-CN': '放大' },
  zoomOut: { en: 'Zoom out', 'zh-CN': '缩小' },
  fit: { en: 'Fit', 'zh-CN': '适应宽度' },
  actualSize: { en: 'Actual size', 'zh-CN': '实际大小' },
});

/** What the extension says when it runs in a browser (vscode.dev, github.dev). */
export const webExtensionMessages = messages({
  exportNeedsDesktop: {
    en: 'Exporting files needs the desktop VS Code (a file system and Chromium). In the browser, use the playground\'s Download, or copy the diagram from the preview.',
    'zh-CN': '导出文件需要桌面版 VS Code（文件系统和 Chromium）。在浏览器中，请使用在线演练场的“下载”，或从预览中复制时序图。',
  },
  importNeedsDesktop: {
    en: `Opening a capture as a scenario needs the desktop VS Code. In the browser, run \`${PROGRAM_NAME} import\` on a computer with the capture and open the .tcpflow file it writes.`,
    'zh-CN': `将抓包文件打开为场景需要桌面版 VS Code。在浏览器中，请在存有抓包文件的计算机上运行 \`${PROGRAM_NAME} import\`，再打开它写出的 .tcpflow 文件。`,
  },
  serverFailed: { en: ({ reason }) => `The TCP Flow language server could not start in the browser: ${reason}`, 'zh-CN': ({ reason }) => `TCP Flow 语言服务器无法在浏览器中启动：${reason}` } satisfies Message<{ reason: string }>,
});
