// Suggested tag values. Tags are data (stored as written, in Chinese, as community workers
// use them), not interface text, so they are not translated.
export const TAG_SUGGESTIONS = ['独居老人', '残疾人', '低保户', '老年人', '退役军人', '困难家庭'];
