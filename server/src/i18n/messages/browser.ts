/** What the SVG and PNG export says when it has no browser to draw with (server/src/export/chromium.ts). */
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
});
