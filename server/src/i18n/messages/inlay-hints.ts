/** The words of the language server's inlay hints (their labels are states and numbers, which stay as written). */
import { messages } from '../catalogue.js';

export const inlayHintMessages = messages({
  noStateChange: {
    en: 'No state changes on this line.',
    'zh-CN': '这一行没有改变任何状态。',
  },
  inferred: {
    en: 'Inferred: what the sender puts there (its SND.NXT and RCV.NXT, or the reply it owes).',
    'zh-CN': '推断值：发送方在此处应填的值（它的 SND.NXT 和 RCV.NXT，或它应回复的报文段）。',
  },
});
