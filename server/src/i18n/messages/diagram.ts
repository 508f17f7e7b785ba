/**
 * What the diagram itself says: the words in its notes and on its arrows, the banners
 * of a large scenario, and its options. The generator (server/src/diagram/) escapes
 * these for Mermaid; they are plain text here.
 */
import { messages, type Message } from '../catalogue.js';

type Label = { label: string };
type Tagged = { tag: string; label: string };
type Window = { first: number; last: number; total: number; firstLine: number; lastLine: number };

export const diagramMessages = messages({
  lostArrow: {
    en: ({ label }) => `${label} (lost)`,
    'zh-CN': ({ label }) => `${label}（丢失）`,
  } satisfies Message<Label>,
  oldDuplicateArrow: {
    en: ({ label }) => `old duplicate ${label}`,
    'zh-CN': ({ label }) => `旧重复报文段 ${label}`,
  } satisfies Message<Label>,
  /** Where an in-flight segment leaves (its arrow is drawn from here to its delivery). */
  sentInFlight: {
    en: ({ tag }) => (tag === '' ? 'sent, in flight' : `sent as ${tag}, in flight`),
    'zh-CN': ({ tag }) => (tag === '' ? '已发出，在途' : `已发出（${tag}），在途`),
  } satisfies Message<{ tag: string }>,
  /** The arrow of an in-flight segment, at its `deliver` line. */
  deliveredArrow: {
    en: ({ tag, label }) => `${tag}: ${label}`,
    'zh-CN': ({ tag, label }) => `${tag}：${label}`,
  } satisfies Message<Tagged>,
  neverDeliveredArrow: {
    en: ({ tag, label }) => (tag === '' ? `${label}, never delivered` : `${label} as ${tag}, never delivered`),
    'zh-CN': ({ tag, label }) => (tag === '' ? `${label}，从未送达` : `${label}（${tag}），从未送达`),
  } satisfies Message<Tagged>,
  /** A listener's queues after a line that changed them, on one line over its lifeline (queue-note.ts). */
  queuesNote: {
    en: ({ syn, accept }) => `SYN queue: ${syn} · accept queue: ${accept}`,
    'zh-CN': ({ syn, accept }) => `半连接队列：${syn} · 全连接队列：${accept}`,
  } satisfies Message<{ syn: string; accept: string }>,
  /** An empty queue in that note. */
  queueEmptyMark: { en: '–', 'zh-CN': '空' },
  /** The peers of a long queue that the note leaves out. */
  queueMore: {
    en: ({ count }) => `+${count} more`,
    'zh-CN': ({ count }) => `等 ${count} 个`,
  } satisfies Message<{ count: number }>,
  errorMark: {
    en: ({ code, message }) => `Error ${code} - ${message}`,
    'zh-CN': ({ code, message }) => `错误 ${code} - ${message}`,
  } satisfies Message<{ code: string; message: string }>,
  warningMark: {
    en: ({ code, message }) => `Warning ${code} - ${message}`,
    'zh-CN': ({ code, message }) => `警告 ${code} - ${message}`,
  } satisfies Message<{ code: string; message: string }>,
  /** One entry of the list of diagnostics under an exported diagram. */
  footnote: {
    en: ({ line, text }) => `line ${line}: ${text}`,
    'zh-CN': ({ line, text }) => `第 ${line} 行：${text}`,
  } satisfies Message<{ line: number; text: string }>,
  unknownDiagnostics: {
    en: ({ command, value }) => `${command}: --diagnostics is none, errors or all, not '${value}'`,
    'zh-CN': ({ command, value }) => `${command}：--diagnostics 只能是 none、errors 或 all，而不是“${value}”`,
  } satisfies Message<{ command: string; value: string }>,
  largeAroundCursor: {
    en: ({ first, last, total, firstLine, lastLine }) => `Large scenario: showing messages ${first}-${last} of ${total} (source lines ${firstLine}-${lastLine}), around the cursor`,
    'zh-CN': ({ first, last, total, firstLine, lastLine }) => `场景较大：显示第 ${first}-${last} 条消息，共 ${total} 条（源代码第 ${firstLine}-${lastLine} 行），以光标为中心`,
  } satisfies Message<Window>,
  startingState: {
    en: ({ name, state }) => `${name} ${state}`,
    'zh-CN': ({ name, state }) => `${name}：${state}`,
  } satisfies Message<{ name: string; state: string }>,
  largeFirst: {
    en: ({ last, total }) => `Large scenario: showing the first ${last} of ${total} messages`,
    'zh-CN': ({ last, total }) => `场景较大：显示前 ${last} 条消息，共 ${total} 条`,
  } satisfies Message<{ last: number; total: number }>,
  moreAfter: {
    en: ({ count, line }) => `${count} more messages after line ${line} are not drawn`,
    'zh-CN': ({ count, line }) => `第 ${line} 行之后还有 ${count} 条消息未绘制`,
  } satisfies Message<{ count: number; line: number }>,
  previewBanner: {
    en: ({ first, last, total, firstLine, lastLine }) => `Large scenario (${total} messages): drawing messages ${first}-${last}, lines ${firstLine}-${lastLine}, around the cursor.`,
    'zh-CN': ({ first, last, total, firstLine, lastLine }) => `场景较大（共 ${total} 条消息）：绘制第 ${first}-${last} 条消息（第 ${firstLine}-${lastLine} 行），以光标为中心。`,
  } satisfies Message<Window>,
  timer2msl: { en: 'the 2MSL timer expires', 'zh-CN': '2MSL 计时器到期' },
  timerRto: { en: 'the retransmission timer (RTO) fires', 'zh-CN': '重传计时器（RTO）触发' },
  timerUser: { en: 'the user timeout expires', 'zh-CN': '用户超时到期' },
  timerOther: { en: 'a timer expires', 'zh-CN': '计时器到期' },
  hostCrashes: { en: 'the host crashes', 'zh-CN': '主机崩溃' },
  sendBytes: {
    en: ({ length }) => `send(${length} bytes)`,
    'zh-CN': ({ length }) => `send(${length} 字节)`,
  } satisfies Message<{ length: number }>,
  unknownStyle: {
    en: ({ command, style }) => `${command}: --style is textbook or flat, not '${style}'`,
    'zh-CN': ({ command, style }) => `${command}：--style 只能是 textbook 或 flat，而不是“${style}”`,
  } satisfies Message<{ command: string; style: string }>,
  // The export renderer (server/src/export/renderer.ts).
  mermaidRejected: {
    en: ({ reason }) => `Mermaid could not draw the diagram: ${reason}`,
    'zh-CN': ({ reason }) => `Mermaid 无法绘制该图：${reason}`,
  } satisfies Message<{ reason: string }>,
  exportPageMissing: {
    en: ({ path }) => `the export page is missing (${path}); build it with npm run bundle`,
    'zh-CN': ({ path }) => `缺少导出页面（${path}）；请用 npm run bundle 构建`,
  } satisfies Message<{ path: string }>,
});
