/** What the reader says about a line it cannot read, or reads with a doubt (server/src/language/reader). */
import { PROGRAM_NAME } from '../../cli/program.js';
import { messages, type Message } from '../catalogue.js';

/** "Cannot read this line: " and its Chinese, the start of every syntax message. */
const CANNOT = { en: 'Cannot read this line: ', zh: '无法读取此行：' };

export const readerMessages = messages({
  // What a line was expected to hold next, for `expected`.
  aName: { en: 'a name', 'zh-CN': '一个名称' },
  aNumber: { en: 'a number', 'zh-CN': '一个数字' },
  aQuotedString: { en: 'a quoted string', 'zh-CN': '一个带引号的字符串' },
  aValue: { en: 'a value (a number, a name or a quoted string)', 'zh-CN': '一个值（数字、名称或带引号的字符串）' },
  aColon: { en: "':'", 'zh-CN': "冒号 ':'" },
  theWordOf: { en: "'of'", 'zh-CN': "单词 'of'" },
  aNotePlacement: { en: '`over`, `left of` or `right of`', 'zh-CN': '`over`、`left of` 或 `right of`' },
  endOfLine: { en: 'end of line', 'zh-CN': '行尾' },

  expected: {
    en: ({ what, found }) => `${CANNOT.en}Expected ${what} but found ${found}.`,
    'zh-CN': ({ what, found }) => `${CANNOT.zh}此处应为${what}，但遇到了${found}。`,
  } satisfies Message<{ what: string; found: string }>,
  notAStatementStart: {
    en: ({ token }) => `${CANNOT.en}\`${token}\` does not start a statement (a participant name, participant, note, expect, deliver or scenario).`,
    'zh-CN': ({ token }) => `${CANNOT.zh}\`${token}\` 不能作为语句的开头（应为参与者名称、participant、note、expect、deliver 或 scenario）。`,
  } satisfies Message<{ token: string }>,
  keywordNotHere: {
    en: ({ word }) => `${CANNOT.en}\`${word}\` does not start a statement here. As a participant name, write \`${word}: CALL\` or \`${word} -> PEER : FLAGS\`.`,
    'zh-CN': ({ word }) => `${CANNOT.zh}\`${word}\` 不能在此开始语句。若它是参与者名称，请写 \`${word}: CALL\` 或 \`${word} -> PEER : FLAGS\`。`,
  } satisfies Message<{ word: string }>,
  nameAlone: {
    en: ({ name }) => `${CANNOT.en}\`${name}\` alone is not a statement. Write \`${name}: CALL\` (e.g. listen, connect, close) or \`${name} -> PEER : FLAGS\`.`,
    'zh-CN': ({ name }) => `${CANNOT.zh}单独的 \`${name}\` 不是语句。请写 \`${name}: CALL\`（如 listen、connect、close）或 \`${name} -> PEER : FLAGS\`。`,
  } satisfies Message<{ name: string }>,
  nameFollowedByThis: {
    en: ({ name }) => `${CANNOT.en}\`${name}\` followed by this is not a statement. Write \`${name}: CALL\` (e.g. listen, connect, close) or \`${name} -> PEER : FLAGS\`.`,
    'zh-CN': ({ name }) => `${CANNOT.zh}\`${name}\` 后接这些内容不是语句。请写 \`${name}: CALL\`（如 listen、connect、close）或 \`${name} -> PEER : FLAGS\`。`,
  } satisfies Message<{ name: string }>,
  afterStatement: {
    en: ({ token }) => `${CANNOT.en}\`${token}\` comes after a complete statement; write one statement per line.`,
    'zh-CN': ({ token }) => `${CANNOT.zh}\`${token}\` 出现在完整语句之后；每行只写一条语句。`,
  } satisfies Message<{ token: string }>,
  expectNeedsChecks: {
    en: `${CANNOT.en}\`expect\` needs NAME STATE, e.g. \`expect client ESTABLISHED, server ESTABLISHED\`.`,
    'zh-CN': `${CANNOT.zh}\`expect\` 需要 NAME STATE，例如 \`expect client ESTABLISHED, server ESTABLISHED\`。`,
  },
  unclosedComment: {
    en: `${CANNOT.en}this \`/*\` is never closed: end the comment with \`*/\`.`,
    'zh-CN': `${CANNOT.zh}这个 \`/*\` 没有闭合：请用 \`*/\` 结束注释。`,
  },
  unclosedString: {
    en: `${CANNOT.en}this \`"\` is never closed: end the string with \`"\` on the same line.`,
    'zh-CN': `${CANNOT.zh}这个 \`"\` 没有闭合：请在同一行用 \`"\` 结束字符串。`,
  },
  controlCharacter: {
    en: ({ code }) => `${CANNOT.en}it holds the control character U+${code}, which a scenario cannot contain; delete it.`,
    'zh-CN': ({ code }) => `${CANNOT.zh}其中含有控制字符 U+${code}，场景中不能出现该字符；请删除它。`,
  } satisfies Message<{ code: string }>,
  overlongLine: {
    en: ({ tokens, max }) => `This line has ${tokens} words and symbols; ${PROGRAM_NAME} reads lines of at most ${max}, so it skipped this one. Split it, or remove what was pasted by mistake.`,
    'zh-CN': ({ tokens, max }) => `此行有 ${tokens} 个单词和符号；${PROGRAM_NAME} 每行最多读取 ${max} 个，因此跳过了此行。请拆分它，或删除误粘贴的内容。`,
  } satisfies Message<{ tokens: string; max: string }>,
  documentTooLarge: {
    en: ({ size, max }) => `This document is ${size} MB, larger than the ${max} MB a scenario may be; ${PROGRAM_NAME} does not read it. Split it into several scenarios.`,
    'zh-CN': ({ size, max }) => `此文档大小为 ${size} MB，超过了场景的上限 ${max} MB；${PROGRAM_NAME} 不读取它。请将其拆分为多个场景。`,
  } satisfies Message<{ size: string; max: string }>,

  // Reading a statement that parsed: flags, calls, states and fields.
  unknownCall: {
    en: ({ call, calls }) => `Unknown call \`${call}\`: the calls are ${calls}.`,
    'zh-CN': ({ call, calls }) => `未知调用 \`${call}\`：可用的调用有 ${calls}。`,
  } satisfies Message<{ call: string; calls: string }>,
  wordMeansNothing: {
    en: ({ word, call }) => `\`${word}\` means nothing to ${call}${call === 'timeout' ? ': the timers are 2MSL, RTO, USER, KEEPALIVE and PERSIST' : ''}; it is ignored.`,
    'zh-CN': ({ word, call }) => `\`${word}\` 对 ${call} 没有意义${call === 'timeout' ? '：计时器有 2MSL、RTO、USER、KEEPALIVE 和 PERSIST' : ''}；已忽略。`,
  } satisfies Message<{ word: string; call: string }>,
  timeoutNeedsTimer: {
    en: 'timeout needs a timer: `timeout 2MSL` (TIME-WAIT), `timeout RTO` (retransmission), `timeout USER` (user timeout), `timeout KEEPALIVE` (keep-alive probe) or `timeout PERSIST` (zero-window probe).',
    'zh-CN': 'timeout 需要一个计时器：`timeout 2MSL`（TIME-WAIT）、`timeout RTO`（重传）、`timeout USER`（用户超时）、`timeout KEEPALIVE`（保活探测）或 `timeout PERSIST`（零窗口探测）。',
  },
  flagsRunTogether: {
    en: ({ written, flags }) => `\`${written}\` reads as ${flags}: separate flags with spaces, commas or +.`,
    'zh-CN': ({ written, flags }) => `\`${written}\` 被读作 ${flags}：请用空格、逗号或 + 分隔标志。`,
  } satisfies Message<{ written: string; flags: string }>,
  writeFlags: {
    en: ({ flags }) => `Write ${flags}`,
    'zh-CN': ({ flags }) => `改写为 ${flags}`,
  } satisfies Message<{ flags: string }>,
  unknownFlag: {
    en: ({ written, flags }) => `Unknown flag \`${written}\`: the flags are ${flags}; a field is written name=value.`,
    'zh-CN': ({ written, flags }) => `未知标志 \`${written}\`：可用的标志有 ${flags}；字段的写法是 name=value。`,
  } satisfies Message<{ written: string; flags: string }>,
  givenTwice: {
    en: ({ key }) => `${key}= is given twice.`,
    'zh-CN': ({ key }) => `${key}= 给出了两次。`,
  } satisfies Message<{ key: string }>,
  dataTakesString: {
    en: 'data= takes a quoted string: data="GET / HTTP/1.1".',
    'zh-CN': 'data= 需要一个带引号的字符串：data="GET / HTTP/1.1"。',
  },
  lengthDisagrees: {
    en: ({ length, bytes }) => `len=${length} but data= holds ${bytes} bytes (UTF-8): give one, or make them agree.`,
    'zh-CN': ({ length, bytes }) => `len=${length}，但 data= 含有 ${bytes} 字节（UTF-8）：只给出其一，或使两者一致。`,
  } satisfies Message<{ length: number; bytes: number }>,
  stateSpelling: {
    en: ({ written, state }) => `\`${written}\` is not a TCP state name; it is read as ${state}, RFC 9293's name.`,
    'zh-CN': ({ written, state }) => `\`${written}\` 不是 TCP 状态名；按 RFC 9293 的名称读作 ${state}。`,
  } satisfies Message<{ written: string; state: string }>,
  changeTo: {
    en: ({ state }) => `Change to ${state}`,
    'zh-CN': ({ state }) => `改为 ${state}`,
  } satisfies Message<{ state: string }>,
  unknownState: {
    en: ({ written }) => `Unknown state \`${written}\`: the states are CLOSED, LISTEN, SYN-SENT, SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT.`,
    'zh-CN': ({ written }) => `未知状态 \`${written}\`：可用的状态有 CLOSED、LISTEN、SYN-SENT、SYN-RECEIVED、ESTABLISHED、FIN-WAIT-1、FIN-WAIT-2、CLOSE-WAIT、CLOSING、LAST-ACK、TIME-WAIT。`,
  } satisfies Message<{ written: string }>,
  takesSequenceNumber: {
    en: ({ key }) => `${key}= takes a sequence number: a number (100), a symbol (J) or a symbol plus or minus numbers (J+1).`,
    'zh-CN': ({ key }) => `${key}= 需要一个序号：数字（100）、符号（J）或符号加减数字（J+1）。`,
  } satisfies Message<{ key: string }>,
  outside32Bits: {
    en: ({ n }) => `${n} is outside 0…2^32-1: sequence numbers are 32-bit, so it is read modulo 2^32 (RFC 9293 §3.4).`,
    'zh-CN': ({ n }) => `${n} 超出 0…2^32-1：序号是 32 位的，因此按模 2^32 读取（RFC 9293 §3.4）。`,
  } satisfies Message<{ n: number }>,
  takesWholeNumber: {
    en: ({ key }) => `${key}= takes a whole number.`,
    'zh-CN': ({ key }) => `${key}= 需要一个整数。`,
  } satisfies Message<{ key: string }>,
  largerThan: {
    en: ({ key, value, max }) => `${key}=${value} is larger than ${max}.`,
    'zh-CN': ({ key, value, max }) => `${key}=${value} 大于 ${max}。`,
  } satisfies Message<{ key: string; value: number; max: number }>,
  unknownOption: {
    en: ({ key, known }) => `Unknown option \`${key}=\` (${known}); it is ignored.`,
    'zh-CN': ({ key, known }) => `未知选项 \`${key}=\`（${known}）；已忽略。`,
  } satisfies Message<{ key: string; known: string }>,
  participantOptions: { en: 'a participant takes snd= and rcv=', 'zh-CN': '参与者接受 snd= 和 rcv=' },
  sendOptions: { en: 'send takes len=N', 'zh-CN': 'send 接受 len=N' },
  listenOptions: { en: 'listen takes backlog=N', 'zh-CN': 'listen 接受 backlog=N' },
  noOptions: {
    en: ({ call }) => `${call} takes no options`,
    'zh-CN': ({ call }) => `${call} 不接受选项`,
  } satisfies Message<{ call: string }>,
  segmentFields: {
    en: ({ fields }) => `segment fields are ${fields}`,
    'zh-CN': ({ fields }) => `报文段字段有 ${fields}`,
  } satisfies Message<{ fields: string }>,
});
