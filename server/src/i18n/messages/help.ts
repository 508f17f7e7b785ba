/**
 * What `--help`, `help COMMAND` and the usage lines say: for each command a one-line
 * summary and the meaning of its options. The syntax itself (option names, FILE…) is
 * the same in every language; `program` is the command's name (cli/program.ts).
 */
import { messages, type Message } from '../catalogue.js';

type Program = { program: string };

export const helpMessages = messages({
  usageHeading: { en: 'usage:', 'zh-CN': '用法：' },
  usageLine: {
    en: ({ line }) => `usage: ${line}`,
    'zh-CN': ({ line }) => `用法：${line}`,
  } satisfies Message<{ line: string }>,
  commandsHeading: { en: 'Commands:', 'zh-CN': '命令：' },
  optionsHeading: { en: 'Options:', 'zh-CN': '选项：' },
  moreHelp: {
    en: ({ program }) => `Run '${program} help COMMAND' (or '${program} COMMAND --help') for a command's options, '${program} help language' for the language reference.`,
    'zh-CN': ({ program }) => `运行 '${program} help 命令'（或 '${program} 命令 --help'）查看某个命令的选项，运行 '${program} help language' 查看语言参考。`,
  } satisfies Message<Program>,
  exitCodes: {
    en: 'Exit codes: 0 no errors, 1 errors in a scenario, 2 bad usage or an unreadable file, 141 the reader of the output went away (| head).',
    'zh-CN': '退出码：0 没有错误，1 场景中有错误，2 用法错误或文件无法读取，141 输出的读取方已关闭（| head）。',
  },
  unknownCommand: {
    en: ({ program, name }) => `unknown command '${name}'; '${program} help' lists the commands`,
    'zh-CN': ({ program, name }) => `未知命令 '${name}'；'${program} help' 会列出所有命令`,
  } satisfies Message<Program & { name: string }>,
  unknownTopic: {
    en: ({ program, name }) => `help: no command or topic '${name}'; '${program} help' lists the commands, '${program} help language' prints the language reference`,
    'zh-CN': ({ program, name }) => `help：没有名为 '${name}' 的命令或主题；'${program} help' 会列出所有命令，'${program} help language' 显示语言参考`,
  } satisfies Message<Program & { name: string }>,

  checkAbout: {
    en: 'check scenarios against RFC 9293: one line per diagnostic (exit 1 on errors)',
    'zh-CN': '按 RFC 9293 检查场景：每条诊断一行（有错误时退出码为 1）',
  },
  checkOptions: {
    en: '  --json     one JSON document per file: participants, diagnostics, the states after every event line\n'
      + '             (with several files, an array of them); the schema is in \'help language\'\n'
      + '  On a terminal a file without errors gets one line saying so; piped, only diagnostics are printed.\n  --profile P          rfc9293 (the default) or linux: the TCP to check against where the file has no `profile` line',
    'zh-CN': '  --json     每个文件输出一个 JSON 文档：参与者、诊断、每个事件行之后的状态\n'
      + '             （多个文件时为它们组成的数组）；格式见 \'help language\'\n'
      + '  在终端上，没有错误的文件会输出一行说明；通过管道时只输出诊断。\n  --profile P          rfc9293（默认）或 linux：文件中没有 `profile` 行时按哪种 TCP 检查',
  },
  exportAbout: {
    en: 'draw the sequence diagram as SVG, PNG, Markdown or Mermaid source',
    'zh-CN': '把时序图导出为 SVG、PNG、Markdown 或 Mermaid 源码',
  },
  exportOptions: {
    en: '  --format F        svg, png, md or mmd (or taken from -o\'s extension)\n'
      + '  -o PATH           the output file (one input file); -o - writes text to standard output\n'
      + '  --out-dir DIR     one output per input file, in DIR\n'
      + '  --scale N         PNG pixel ratio, 0.25 to 8 (default 1)\n'
      + '  --theme T         light or dark\n'
      + '  --state-names S   rfc (SYN-RECEIVED) or linux (SYN_RECV)\n'
      + '  --style S         textbook (segments slope, the default) or flat (only in-flight, lost and old ones)\n'
      + '  --states S        labels (a small label beside the lifeline; svg, png) or notes (a note row per change; md, mmd)\n'
      + '  --diagnostics D   which problems the picture marks (a ✗ and a footnote): none, errors (default) or all\n'
      + '  --force           overwrite existing files\n'
      + '  --allow-errors    draw a scenario that has errors (they are marked)\n  --profile P       rfc9293 (the default) or linux: the TCP to check against where the file has no `profile` line',
    'zh-CN': '  --format F        svg、png、md 或 mmd（也可由 -o 的扩展名决定）\n'
      + '  -o PATH           输出文件（仅一个输入文件时）；-o - 把文本写到标准输出\n'
      + '  --out-dir DIR     每个输入文件输出一个文件，放在 DIR 中\n'
      + '  --scale N         PNG 像素倍率，0.25 到 8（默认 1）\n'
      + '  --theme T         light 或 dark\n'
      + '  --state-names S   rfc（SYN-RECEIVED）或 linux（SYN_RECV）\n'
      + '  --style S         textbook（报文段箭头倾斜，默认）或 flat（只有在途、丢失和旧重复报文段倾斜）\n'
      + '  --states S        labels（状态写在生命线旁的小标签里；svg、png 默认）或 notes（每次变化占一行注释；md、mmd 默认）\n'
      + '  --diagnostics D   图中标出哪些问题（✗ 加脚注）：none、errors（默认）或 all\n'
      + '  --force           覆盖已存在的文件\n'
      + '  --allow-errors    场景有错误时也导出（错误会被标出）\n  --profile P       rfc9293（默认）或 linux：文件中没有 `profile` 行时按哪种 TCP 检查',
  },
  mdAbout: {
    en: 'check the ```tcpflow blocks of Markdown files; --write draws each one to an SVG beside the file',
    'zh-CN': '检查 Markdown 文件中的 ```tcpflow 代码块；--write 把每个代码块画成文件旁边的 SVG',
  },
  mdOptions: {
    en: '  --write            draw every block to an SVG next to the Markdown file and link it\n'
      + '  --force            redraw SVGs even when they are up to date\n'
      + '  --style S          textbook (segments slope, the default) or flat\n'
      + '  --diagnostics D    which problems the drawings mark: none, errors (default) or all\n'
      + '  --profile P        rfc9293 (the default) or linux: the TCP to check against where the file has no `profile` line',
    'zh-CN': '  --write            把每个代码块画成 Markdown 文件旁边的 SVG 并加上链接\n'
      + '  --force            即使 SVG 已是最新也重新绘制\n'
      + '  --style S          textbook（报文段箭头倾斜，默认）或 flat\n'
      + '  --diagnostics D    图中标出哪些问题：none、errors（默认）或 all\n'
      + '  --profile P        rfc9293（默认）或 linux：文件中没有 `profile` 行时按哪种 TCP 检查',
  },
  explainAbout: {
    en: 'walk through a scenario line by line: states, inferred numbers, replies owed, the RFC rules, socket results',
    'zh-CN': '逐行讲解场景：状态变化、推断出的序号、应回复的报文、依据的 RFC 规则、套接字调用结果',
  },
  explainOptions: {
    en: '  --json               the same document as \'check --json\'\n'
      + '  --state-names S      rfc (SYN-RECEIVED, the default) or linux (SYN_RECV)\n'
      + '  Colour on a terminal (NO_COLOR=1 turns it off); plain text when piped.\n  --profile P          rfc9293 (the default) or linux: the TCP to check against where the file has no `profile` line',
    'zh-CN': '  --json               与 \'check --json\' 相同的文档\n'
      + '  --state-names S      rfc（SYN-RECEIVED，默认）或 linux（SYN_RECV）\n'
      + '  在终端上带颜色（NO_COLOR=1 可关闭）；通过管道时为纯文本。\n  --profile P          rfc9293（默认）或 linux：文件中没有 `profile` 行时按哪种 TCP 检查',
  },
  newAbout: {
    en: 'write a starting scenario from a template (handshake, close, …)',
    'zh-CN': '从模板生成一个起步场景（handshake、close 等）',
  },
  newOptions: {
    en: '  --list     list the templates, one line each\n'
      + '  -o FILE    write to FILE instead of standard output\n'
      + '  --force    replace FILE if it exists (never without)\n'
      + '  Without TEMPLATE: handshake.',
    'zh-CN': '  --list     列出所有模板，每个一行\n'
      + '  -o FILE    写入 FILE 而不是标准输出\n'
      + '  --force    FILE 已存在时替换它（没有此选项时绝不覆盖）\n'
      + '  不指定 TEMPLATE 时：handshake。',
  },
  importAbout: {
    en: 'a packet capture (pcap, pcapng) or a packetdrill script as a checked scenario',
    'zh-CN': '把抓包文件（pcap、pcapng）或 packetdrill 脚本转换为经过检查的场景',
  },
  importOptions: {
    en: '  --list          list the capture\'s connections, one line each\n'
      + '  --conn N        import connection N of the list\n'
      + '  --filter EXPR   pick by \'port N\' / \'host ADDRESS\' (src, dst, and); several\n'
      + '                  connections to one server become one listener scenario\n'
      + '  --names A,B     the participants\' names (default client,server; a listener: c1,…,server)\n'
      + '  --relative      sequence numbers as J+…/K+… from each side\'s first number\n'
      + '  --times         each packet\'s frame number and time as a comment\n'
      + '  --profile P     check against rfc9293 (default) or linux, as check does\n'
      + '  -o FILE         write to FILE instead of standard output\n'
      + '  --force         replace FILE if it exists (never without)\n'
      + '  The scenario is then checked: exit 1 when it shows something RFC 9293 does not allow.',
    'zh-CN': '  --list          列出抓包中的连接，每个一行\n'
      + '  --conn N        导入列表中的第 N 个连接\n'
      + '  --filter EXPR   用 \'port N\' / \'host 地址\'（src、dst、and）选择；连到同一\n'
      + '                  服务器的多个连接合成一个监听端场景\n'
      + '  --names A,B     参与者名称（默认 client,server；监听端：c1,…,server）\n'
      + '  --relative      序号写成 J+…/K+…，相对于各方的第一个序号\n'
      + '  --times         以注释写出每个包的帧号和时间\n'
      + '  --profile P     按 rfc9293（默认）或 linux 检查，与 check 相同\n'
      + '  -o FILE         写入 FILE 而不是标准输出\n'
      + '  --force         FILE 已存在时替换它（没有此选项时绝不覆盖）\n'
      + '  之后会检查生成的场景：若其中有 RFC 9293 不允许的内容，退出码为 1。',
  },
  helpAbout: {
    en: 'this help; help COMMAND for a command, help language for the language reference',
    'zh-CN': '本帮助；help 命令 查看某个命令，help language 查看语言参考',
  },
  versionAbout: { en: 'print the version', 'zh-CN': '显示版本号' },

  templateHandshake: {
    en: 'the three-way handshake: listen, connect, SYN / SYN ACK / ACK (RFC 9293 §3.5)',
    'zh-CN': '三次握手：listen、connect、SYN / SYN ACK / ACK（RFC 9293 §3.5）',
  },
  templateClose: {
    en: 'the four-way close: FIN / ACK / FIN / ACK, active close to TIME-WAIT, passive close through CLOSE-WAIT (§3.6)',
    'zh-CN': '四次挥手：FIN / ACK / FIN / ACK，主动关闭方进入 TIME-WAIT，被动关闭方经过 CLOSE-WAIT（§3.6）',
  },
  templateSimultaneousOpen: {
    en: 'simultaneous open: both SYNs cross, both go through SYN-RECEIVED (§3.5, Figure 7)',
    'zh-CN': '同时打开：两个 SYN 在网络中交叉，双方都经过 SYN-RECEIVED（§3.5，图 7）',
  },
  templateSimultaneousClose: {
    en: 'simultaneous close: both FINs cross, both go through CLOSING to TIME-WAIT (§3.6, Figure 13)',
    'zh-CN': '同时关闭：两个 FIN 在网络中交叉，双方都经过 CLOSING 进入 TIME-WAIT（§3.6，图 13）',
  },
  templateRefused: {
    en: 'connection refused: a SYN to a closed port is answered by RST ACK, connect() fails (§3.10.7.1)',
    'zh-CN': '连接被拒绝：发往未监听端口的 SYN 收到 RST ACK，connect() 失败（§3.10.7.1）',
  },
  templateTimeWait: {
    en: 'why TIME-WAIT waits 2 MSL: the last ACK is lost and TIME-WAIT answers the retransmitted FIN (§3.10.7.4)',
    'zh-CN': 'TIME-WAIT 为什么要等 2MSL：最后一个 ACK 丢失，TIME-WAIT 一方应答重传的 FIN（§3.10.7.4）',
  },
  templateHalfClose: {
    en: 'half-close: shutdown(SHUT_WR) sends a FIN but keeps reading the reply (§3.6)',
    'zh-CN': '半关闭：shutdown(SHUT_WR) 发送 FIN，但仍继续读取对方的回复（§3.6）',
  },
  unknownTemplate: {
    en: ({ program, name }) => `new: no template '${name}'; '${program} new --list' lists them`,
    'zh-CN': ({ program, name }) => `new：没有名为 '${name}' 的模板；'${program} new --list' 会列出所有模板`,
  } satisfies Message<Program & { name: string }>,
  written: {
    en: ({ file, template, program }) => `${file}: written from the '${template}' template; '${program} explain ${file}' walks through it`,
    'zh-CN': ({ file, template, program }) => `${file}：已由 '${template}' 模板生成；运行 '${program} explain ${file}' 逐行讲解`,
  } satisfies Message<Program & { file: string; template: string }>,
});
