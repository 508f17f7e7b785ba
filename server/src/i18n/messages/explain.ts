/**
 * The words of `synack explain`: the labels in front of each fact about a line and the
 * summary at the end. What the facts say (states, rules, replies) comes from the engine.
 */
import { messages, type Message } from '../catalogue.js';

type Count = { errors: number; warnings: number };

export const explainMessages = messages({
  participants: { en: 'participants', 'zh-CN': '参与者' },
  startsIn: {
    en: ({ state }) => `starts ${state}`,
    'zh-CN': ({ state }) => `初始状态 ${state}`,
  } satisfies Message<{ state: string }>,
  legend: {
    en: '● marks the participants whose state the line changed.',
    'zh-CN': '● 标出该行改变了状态的参与者。',
  },
  states: { en: 'states', 'zh-CN': '状态' },
  changed: { en: 'changed', 'zh-CN': '变化' },
  noChange: { en: 'no state changes on this line', 'zh-CN': '这一行没有状态变化' },
  segment: { en: 'segment', 'zh-CN': '报文段' },
  inferred: { en: ' (inferred)', 'zh-CN': '（推断）' },
  retransmission: { en: '(retransmission)', 'zh-CN': '（重传）' },
  deliveredFrom: {
    en: ({ line }) => `delivers the segment sent on line ${line}`,
    'zh-CN': ({ line }) => `送达第 ${line} 行发出的报文段`,
  } satisfies Message<{ line: number }>,
  call: { en: 'call', 'zh-CN': '调用' },
  rule: { en: 'rule', 'zh-CN': '规则' },
  owes: { en: 'owes', 'zh-CN': '应回复' },
  owesReply: {
    en: ({ participant, reply, reason }) => `${participant} owes ${reply}: ${reason}`,
    'zh-CN': ({ participant, reply, reason }) => `${participant} 应回复 ${reply}：${reason}`,
  } satisfies Message<{ participant: string; reply: string; reason: string }>,
  stillOwesReply: {
    en: ({ participant, reply, reason }) => `${participant} still owes ${reply}, due since an earlier line: ${reason}`,
    'zh-CN': ({ participant, reply, reason }) => `${participant} 仍应回复 ${reply}（前面某行起即应回复）：${reason}`,
  } satisfies Message<{ participant: string; reply: string; reason: string }>,
  socket: { en: 'socket', 'zh-CN': '套接字' },
  numbers: { en: 'numbers', 'zh-CN': '序号变量' },
  summaryClean: {
    en: ({ file }) => `${file}: no errors, no warnings`,
    'zh-CN': ({ file }) => `${file}：没有错误，没有警告`,
  } satisfies Message<{ file: string }>,
  summary: {
    en: ({ errors, warnings }) => `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    'zh-CN': ({ errors, warnings }) => `${errors} 个错误，${warnings} 个警告`,
  } satisfies Message<Count>,
  checkClean: {
    en: ({ file, warnings }) => `${file}: no errors${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`,
    'zh-CN': ({ file, warnings }) => `${file}：没有错误${warnings > 0 ? `（${warnings} 个警告）` : ''}`,
  } satisfies Message<{ file: string; warnings: number }>,
});
