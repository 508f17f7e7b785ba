/** What rename, go-to and the other name tools of the language server say. */
import { messages, type Message } from '../catalogue.js';

type Kind = { kind: 'participant' | 'tag' };

export const navigationMessages = messages({
  notAName: {
    en: ({ kind, name }) => `${kind === 'participant' ? 'A participant name' : 'A tag'} is a letter or _ followed by letters, digits or _ (any script's, as in 客户端): \`${name}\` is not.`,
    'zh-CN': ({ kind, name }) => `${kind === 'participant' ? '参与者名称' : '标签'}须以字母或 _ 开头，后接字母、数字或 _（任何文字均可，如 客户端）：\`${name}\` 不符合。`,
  } satisfies Message<Kind & { name: string }>,
  nameTaken: {
    en: ({ kind, name }) => `\`${name}\` is already used in this scenario: renaming would merge two ${kind === 'participant' ? 'participants' : 'tags'}.`,
    'zh-CN': ({ kind, name }) => `\`${name}\` 已在此场景中使用：重命名会把两个${kind === 'participant' ? '参与者' : '标签'}合并为一个。`,
  } satisfies Message<Kind & { name: string }>,
});
