import { readFileSync } from 'node:fs';
import { analyzeText } from '../server/src/language/analyze.js';
import { formatSeq } from '../server/src/engine/seq.js';
const r = analyzeText(readFileSync(process.argv[2], 'utf8'));
for (const d of r.analysis.diagnostics) console.log(`${d.span.startLine+1}:${d.span.startColumn+1} ${d.severity} ${d.code}: ${d.message}`);
for (const s of r.analysis.steps) console.log(s.line+1, JSON.stringify(s.states), s.segment ? `seq=${s.segment.seq?formatSeq(s.segment.seq):'-'} ack=${s.segment.ack?formatSeq(s.segment.ack):'-'}${s.segment.retransmission?' RETX':''}` : '', s.replies.map(r=>r.participant+':'+r.reply.flags.join(',')).join(' '));
