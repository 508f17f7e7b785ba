/**
 * What `import` says: about capture files that cannot be read, the connections it found,
 * and the comments it writes into the scenarios it makes from captures and packetdrill
 * scripts.
 */
import { messages, type Message } from '../catalogue.js';

type File = { file: string };
type At = File & { offset: number };

export const importMessages = messages({
  // Reading a capture.
  notCapture: {
    en: ({ file }) => `${file}: not a packet capture (neither pcap nor pcapng) nor a packetdrill script (.pkt)`,
    'zh-CN': ({ file }) => `${file}：不是抓包文件（既不是 pcap 也不是 pcapng），也不是 packetdrill 脚本（.pkt）`,
  } satisfies Message<File>,
  isDirectory: {
    en: ({ file }) => `${file}: is a directory, not a capture file`,
    'zh-CN': ({ file }) => `${file}：这是一个目录，不是抓包文件`,
  } satisfies Message<File>,
  truncatedHeader: {
    en: ({ file }) => `${file}: the capture is cut short inside its file header`,
    'zh-CN': ({ file }) => `${file}：抓包文件在文件头中途被截断`,
  } satisfies Message<File>,
  truncatedRecord: {
    en: ({ file, offset, frame }) => `${file}: the capture is cut short in frame ${frame} (at byte ${offset}); the frames before it can be read with 'editcap' or by capturing again`,
    'zh-CN': ({ file, offset, frame }) => `${file}：抓包文件在第 ${frame} 帧（字节 ${offset} 处）被截断；可以用 'editcap' 保留之前的帧，或重新抓包`,
  } satisfies Message<At & { frame: number }>,
  corruptRecord: {
    en: ({ file, offset, frame }) => `${file}: the capture is damaged at frame ${frame} (byte ${offset}): its record header gives an impossible length or time`,
    'zh-CN': ({ file, offset, frame }) => `${file}：抓包文件在第 ${frame} 帧（字节 ${offset} 处）损坏：记录头中的长度或时间不可能成立`,
  } satisfies Message<At & { frame: number }>,
  truncatedBlock: {
    en: ({ file, offset }) => `${file}: the pcapng capture is cut short in the block at byte ${offset}`,
    'zh-CN': ({ file, offset }) => `${file}：pcapng 抓包文件在字节 ${offset} 处的块中被截断`,
  } satisfies Message<At>,
  corruptBlock: {
    en: ({ file, offset }) => `${file}: the pcapng capture is damaged at byte ${offset}: the block there has an impossible length or layout`,
    'zh-CN': ({ file, offset }) => `${file}：pcapng 抓包文件在字节 ${offset} 处损坏：该处块的长度或结构不可能成立`,
  } satisfies Message<At>,
  unknownInterface: {
    en: ({ file, offset, id }) => `${file}: the pcapng capture is damaged at byte ${offset}: a packet names interface ${id}, which no interface block declared`,
    'zh-CN': ({ file, offset, id }) => `${file}：pcapng 抓包文件在字节 ${offset} 处损坏：一个数据包引用了接口 ${id}，但没有接口块声明它`,
  } satisfies Message<At & { id: number }>,
  // The scenario made from a capture (comments in its text).
  scenarioHeader: {
    en: ({ file, number, client, server, packets }) => `Imported from ${file}: connection ${number}, ${client} → ${server}, ${packets} packets.`,
    'zh-CN': ({ file, number, client, server, packets }) => `由 ${file} 导入：第 ${number} 个连接，${client} → ${server}，${packets} 个数据包。`,
  } satisfies Message<File & { number: number; client: string; server: string; packets: number }>,
  listenerHeader: {
    en: ({ file, numbers, server, packets }) => `Imported from ${file}: connections ${numbers}, all to the listener ${server}, ${packets} packets in capture order.`,
    'zh-CN': ({ file, numbers, server, packets }) => `由 ${file} 导入：第 ${numbers} 个连接，都连到监听端 ${server}，共 ${packets} 个数据包，按抓包顺序排列。`,
  } satisfies Message<File & { numbers: string; server: string; packets: number }>,
  listenerTitle: {
    en: ({ clients, server }) => `${clients} clients → ${server}`,
    'zh-CN': ({ clients, server }) => `${clients} 个客户端 → ${server}`,
  } satisfies Message<{ clients: number; server: string }>,
  listenerNeedsSyn: {
    en: ({ file, number }) => `${file}: connection ${number} does not start with its client's SYN, so it cannot join the listener's scenario; import it alone with --conn ${number}`,
    'zh-CN': ({ file, number }) => `${file}：第 ${number} 个连接不是从客户端的 SYN 开始的，无法并入监听端的场景；请用 --conn ${number} 单独导入`,
  } satisfies Message<File & { number: number }>,
  rolesGuessed: {
    en: ({ client }) => `No SYN was captured: '${client}' is the side with the higher port, as an ephemeral port is.`,
    'zh-CN': ({ client }) => `没有抓到 SYN：端口号较大的一方被当作 '${client}'（临时端口通常较大）。`,
  } satisfies Message<{ client: string }>,
  startsMidway: {
    en: 'The capture starts mid-connection: both sides start in ESTABLISHED, with the numbers their first packets show.',
    'zh-CN': '抓包从连接中途开始：双方都从 ESTABLISHED 开始，序号取自各自最先出现的数据包。',
  },
  synNotCaptured: {
    en: 'not in the capture: the SYN that the SYN-ACK below answers',
    'zh-CN': '不在抓包中：下面的 SYN-ACK 所应答的 SYN',
  },
  frameTime: {
    en: ({ frame, seconds }) => `frame ${frame}, +${seconds} s`,
    'zh-CN': ({ frame, seconds }) => `第 ${frame} 帧，+${seconds} 秒`,
  } satisfies Message<{ frame: number; seconds: string }>,
  noFlags: {
    en: ({ frame, from, to, seq, length }) => `frame ${frame}: ${from} → ${to}, a segment with no flags at all (seq=${seq}, ${length} bytes), which a scenario cannot write yet`,
    'zh-CN': ({ frame, from, to, seq, length }) => `第 ${frame} 帧：${from} → ${to}，一个没有任何标志位的报文段（seq=${seq}，${length} 字节），场景暂时无法表示`,
  } satisfies Message<{ frame: number; from: string; to: string; seq: string; length: number }>,
  // The command line.
  usageError: {
    en: ({ problem }) => `import: ${problem}`,
    'zh-CN': ({ problem }) => `import：${problem}`,
  } satisfies Message<{ problem: string }>,
  needsValue: {
    en: ({ option }) => `${option} needs a value`,
    'zh-CN': ({ option }) => `${option} 需要一个值`,
  } satisfies Message<{ option: string }>,
  unknownOption: {
    en: ({ option }) => `unknown option ${option}`,
    'zh-CN': ({ option }) => `未知选项 ${option}`,
  } satisfies Message<{ option: string }>,
  noFile: { en: 'no file given', 'zh-CN': '没有指定文件' },
  oneFile: { en: 'one file at a time', 'zh-CN': '一次只能导入一个文件' },
  badConn: {
    en: ({ value }) => `--conn takes a connection number from --list (1, 2, …), not '${value}'`,
    'zh-CN': ({ value }) => `--conn 需要 --list 列出的连接编号（1、2、…），而不是 '${value}'`,
  } satisfies Message<{ value: string }>,
  badNames: {
    en: ({ value }) => `--names takes two different participant names separated by a comma (client,server), not '${value}'`,
    'zh-CN': ({ value }) => `--names 需要两个不同的参与者名称，用逗号分隔（client,server），而不是 '${value}'`,
  } satisfies Message<{ value: string }>,
  badFilter: {
    en: ({ filter, problem }) => `--filter '${filter}': cannot read '${problem}'; a filter is 'port N', 'host ADDRESS' (each maybe after src or dst), joined by 'and'`,
    'zh-CN': ({ filter, problem }) => `--filter '${filter}'：无法理解 '${problem}'；过滤条件形如 'port N'、'host 地址'（前面可加 src 或 dst），用 'and' 连接`,
  } satisfies Message<{ filter: string; problem: string }>,
  noConnections: {
    en: ({ file, frames }) => `${file}: no TCP connection in its ${frames} frames`,
    'zh-CN': ({ file, frames }) => `${file}：其 ${frames} 帧中没有 TCP 连接`,
  } satisfies Message<File & { frames: number }>,
  noSuchConn: {
    en: ({ file, number, count, program }) => `${file}: no connection ${number} (it has ${count}, or fewer match the filter); '${program} import ${file} --list' lists them`,
    'zh-CN': ({ file, number, count, program }) => `${file}：没有第 ${number} 个连接（共 ${count} 个，或符合过滤条件的更少）；运行 '${program} import ${file} --list' 查看列表`,
  } satisfies Message<File & { number: number; count: number; program: string }>,
  filterMatchesNone: {
    en: ({ file, filter }) => `${file}: no connection matches '${filter}'`,
    'zh-CN': ({ file, filter }) => `${file}：没有连接符合 '${filter}'`,
  } satisfies Message<File & { filter: string }>,
  listenerNames: {
    en: ({ count, clients, value }) => `--names: ${clients} connections to one listener take ${count} different names, the clients' then the server's (c1,…,server), not '${value}'`,
    'zh-CN': ({ count, clients, value }) => `--names：连到同一监听端的 ${clients} 个连接需要 ${count} 个不同的名称，先客户端后服务器（c1,…,server），而不是 '${value}'`,
  } satisfies Message<{ count: number; clients: number; value: string }>,
  severalConnections: {
    en: ({ file, count, program }) => `${file}: ${count} connections, not all to one server: pick one with --conn N, or those to one listener with --filter 'dst port N' ('${program} import ${file} --list' lists them)`,
    'zh-CN': ({ file, count, program }) => `${file}：有 ${count} 个连接，并非都连到同一服务器：用 --conn N 选择一个，或用 --filter 'dst port N' 选择连到同一监听端的连接（运行 '${program} import ${file} --list' 查看列表）`,
  } satisfies Message<File & { count: number; program: string }>,
  tooManyPackets: {
    en: ({ file, number, packets, limit }) => `${file}: connection ${number} has ${packets} packets, more than the ${limit} a scenario takes; cut the capture first (e.g. 'editcap -r ${file} part.pcap 1-50000')`,
    'zh-CN': ({ file, number, packets, limit }) => `${file}：第 ${number} 个连接有 ${packets} 个数据包，超过了一个场景的上限 ${limit}；请先截取抓包（例如 'editcap -r ${file} part.pcap 1-50000'）`,
  } satisfies Message<File & { number: number; packets: number; limit: number }>,
  standardOutput: { en: '(standard output)', 'zh-CN': '（标准输出）' },
  written: {
    en: ({ file, errors, program }) => `${file}: written; ${errors === 0 ? 'it checks clean' : errors === 1 ? '1 error' : `${errors} errors`}; '${program} explain ${file}' walks through it`,
    'zh-CN': ({ file, errors, program }) => `${file}：已写入；${errors === 0 ? '检查无误' : `${errors} 个错误`}；运行 '${program} explain ${file}' 逐行讲解`,
  } satisfies Message<File & { errors: number; program: string }>,
  columnNumber: { en: '#', 'zh-CN': '编号' },
  columnClient: { en: 'client', 'zh-CN': '客户端' },
  columnServer: { en: 'server', 'zh-CN': '服务器' },
  columnPackets: { en: 'packets', 'zh-CN': '包数' },
  columnFirst: { en: 'first packet (UTC)', 'zh-CN': '首包时间（UTC）' },
  columnSeconds: { en: 'seconds', 'zh-CN': '秒数' },
  columnHandshake: { en: 'handshake', 'zh-CN': '握手' },
  columnClose: { en: 'close', 'zh-CN': '关闭' },
  yes: { en: 'yes', 'zh-CN': '有' },
  no: { en: 'no', 'zh-CN': '无' },
  closeOneFin: {
    en: ({ side }) => `FIN from ${side}`,
    'zh-CN': ({ side }) => `仅 ${side} 发出 FIN`,
  } satisfies Message<{ side: string }>,
  listFooter: {
    en: ({ frames, connections, other }) => `${frames} frames, ${connections} TCP connections, ${other} frames not TCP or not readable`,
    'zh-CN': ({ frames, connections, other }) => `${frames} 帧，${connections} 个 TCP 连接，${other} 帧不是 TCP 或无法解析`,
  } satisfies Message<{ frames: number; connections: number; other: number }>,
  // The scenario made from a packetdrill script.
  packetdrillHeader: {
    en: ({ file, kernel, remote }) => `Imported from the packetdrill script ${file}: '${kernel}' is the TCP under test, '${remote}' the peer packetdrill plays; the peer's segments are injected, so they are written -->.`,
    'zh-CN': ({ file, kernel, remote }) => `由 packetdrill 脚本 ${file} 导入：'${kernel}' 是被测的 TCP，'${remote}' 是 packetdrill 扮演的对端；对端的报文段是注入的，所以写作 -->。`,
  } satisfies Message<File & { kernel: string; remote: string }>,
  packetdrillCoverage: {
    en: ({ imported, statements }) => `${imported} of ${statements} statements imported; the others are kept below as comments saying why.`,
    'zh-CN': ({ imported, statements }) => `共 ${statements} 条语句，导入了 ${imported} 条；其余的以注释形式保留在下面，并说明原因。`,
  } satisfies Message<{ imported: number; statements: number }>,
  kernelLabel: { en: 'TCP under test', 'zh-CN': '被测 TCP' },
  remoteLabel: { en: 'packetdrill (remote peer)', 'zh-CN': 'packetdrill（远端）' },
  timing: {
    en: ({ timing }) => `at ${timing} s`,
    'zh-CN': ({ timing }) => `时间 ${timing} 秒`,
  } satisfies Message<{ timing: string }>,
  notImportedPython: {
    en: 'not imported: a Python block that asserts no tcpi_state',
    'zh-CN': '未导入：不断言 tcpi_state 的 Python 代码块',
  },
  notImportedShell: { en: 'not imported: a shell command', 'zh-CN': '未导入：shell 命令' },
  notImportedOption: { en: 'not imported: a packetdrill option', 'zh-CN': '未导入：packetdrill 选项' },
  notImportedUnreadable: { en: 'not imported: not a statement this importer reads', 'zh-CN': '未导入：本导入器无法识别的语句' },
  notImportedFailed: { en: 'not imported: the call fails, so it changes nothing', 'zh-CN': '未导入：该调用失败，不改变任何状态' },
  notImportedSyscall: { en: 'not imported: a system call the language has no call for', 'zh-CN': '未导入：语言中没有对应的调用' },
  notImportedListenerClose: {
    en: 'not imported: closes the listening socket, which a one-connection scenario does not keep apart from the connection',
    'zh-CN': '未导入：关闭监听套接字；单连接场景不区分监听套接字与连接',
  },
  notImportedShutRd: { en: 'not imported: shutdown(SHUT_RD) sends nothing', 'zh-CN': '未导入：shutdown(SHUT_RD) 不发送任何报文' },
  lingerNoted: {
    en: 'SO_LINGER {1, 0}: the next close of this socket is an abort (RST)',
    'zh-CN': 'SO_LINGER {1, 0}：之后关闭该套接字即为中止（发送 RST）',
  },
  lingerAbort: {
    en: 'close with SO_LINGER {1, 0}: an abort',
    'zh-CN': '设置了 SO_LINGER {1, 0} 的 close：即中止',
  },
  captureOnlyOption: {
    en: ({ option }) => `${option} is for captures; a packetdrill script has one connection`,
    'zh-CN': ({ option }) => `${option} 只用于抓包文件；packetdrill 脚本只有一个连接`,
  } satisfies Message<{ option: string }>,
});
