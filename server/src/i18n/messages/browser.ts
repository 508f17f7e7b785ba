/**
 * What the SVG and PNG export says when it has no browser to draw with
 * (server/src/export/chromium.ts), or when the browser fails it (headless-chromium.ts,
 * cdp-connection.ts, renderer.ts).
 */
import { messages, type Message } from '../catalogue.js';

export const browserMessages = messages({
  envNotExecutable: {
    en: ({ variable, value, fix }) => `drawing SVG and PNG needs Chromium, but ${variable}=${value} is not an executable file: ${fix}`,
    'zh-CN': ({ variable, value, fix }) => `绘制 SVG 和 PNG 需要 Chromium，但 ${variable}=${value} 不是可执行文件：${fix}`,
  } satisfies Message<{ variable: string; value: string; fix: string }>,
  noneFound: {
    en: ({ variable, fix }) => `drawing SVG and PNG needs Chromium, and none was found (${variable} is not set): ${fix}`,
    'zh-CN': ({ variable, fix }) => `绘制 SVG 和 PNG 需要 Chromium，但没有找到（未设置 ${variable}）：${fix}`,
  } satisfies Message<{ variable: string; fix: string }>,
  unpackFailed: {
    en: ({ dir, reason, fix }) => `drawing SVG and PNG needs Chromium; none was found, and unpacking the one in ${dir} failed (${reason}): ${fix}`,
    'zh-CN': ({ dir, reason, fix }) => `绘制 SVG 和 PNG 需要 Chromium；没有找到，解包 ${dir} 中的 Chromium 也失败了（${reason}）：${fix}`,
  } satisfies Message<{ dir: string; reason: string; fix: string }>,
  fix: {
    en: ({ variable }) => `install it (e.g. apt-get install chromium, or npm install, which brings the optional package @sparticuz/chromium) or set ${variable} to the browser's path; --format md and mmd need no browser`,
    'zh-CN': ({ variable }) => `请安装它（例如 apt-get install chromium，或运行 npm install 以获得可选依赖包 @sparticuz/chromium），或将 ${variable} 设为浏览器的路径；--format md 和 mmd 不需要浏览器`,
  } satisfies Message<{ variable: string }>,
  startFailed: {
    en: ({ path, reason }) => `could not start Chromium at ${path}: ${reason}`,
    'zh-CN': ({ path, reason }) => `无法启动 ${path} 处的 Chromium：${reason}`,
  } satisfies Message<{ path: string; reason: string }>,
  exportPageFailed: {
    en: ({ reason }) => `the export page did not start in Chromium: ${reason}`,
    'zh-CN': ({ reason }) => `导出页面未能在 Chromium 中启动：${reason}`,
  } satisfies Message<{ reason: string }>,
  drawingStopped: {
    en: ({ reason }) => `Chromium stopped while drawing: ${reason}`,
    'zh-CN': ({ reason }) => `Chromium 在绘制过程中中断：${reason}`,
  } satisfies Message<{ reason: string }>,
  exited: {
    en: ({ how, lastWords }) => `Chromium exited (${how})${lastWords === '' ? '' : `: ${lastWords}`}`,
    'zh-CN': ({ how, lastWords }) => `Chromium 已退出（${how}）${lastWords === '' ? '' : `：${lastWords}`}`,
  } satisfies Message<{ how: string; lastWords: string }>,
  exitCode: {
    en: ({ code }) => `code ${code}`,
    'zh-CN': ({ code }) => `退出码 ${code}`,
  } satisfies Message<{ code: string }>,
  exitSignal: {
    en: ({ signal }) => `signal ${signal}`,
    'zh-CN': ({ signal }) => `信号 ${signal}`,
  } satisfies Message<{ signal: string }>,
  pipeClosed: {
    en: 'the browser closed its end of the pipe',
    'zh-CN': '浏览器关闭了它那一端的管道',
  } satisfies Message,
  noAnswer: {
    en: ({ seconds }) => `no answer from the browser in ${seconds} s`,
    'zh-CN': ({ seconds }) => `浏览器 ${seconds} 秒内没有应答`,
  } satisfies Message<{ seconds: number }>,
  pageNotReady: {
    en: ({ seconds }) => `the page was not ready in ${seconds} s`,
    'zh-CN': ({ seconds }) => `页面 ${seconds} 秒内没有就绪`,
  } satisfies Message<{ seconds: number }>,
  noPage: {
    en: 'the browser opened no page',
    'zh-CN': '浏览器没有打开任何页面',
  } satisfies Message,
  closed: {
    en: 'the browser was closed',
    'zh-CN': '浏览器已关闭',
  } satisfies Message,
  pageCrashed: {
    en: 'the page crashed',
    'zh-CN': '页面崩溃了',
  } satisfies Message,
  pageClosed: {
    en: 'the page was closed',
    'zh-CN': '页面已关闭',
  } satisfies Message,
  pageThrew: {
    en: 'the page threw an error',
    'zh-CN': '页面抛出了错误',
  } satisfies Message,
});
