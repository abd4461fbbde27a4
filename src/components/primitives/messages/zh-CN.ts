import type { PrimitiveMessages } from './en';

/** Simplified Chinese strings of the shared primitives (same keys and placeholders as `en.ts`). */
export const primitivesZhCN: PrimitiveMessages = {
  'copy.label': '复制',
  'copy.done': '已复制',
  'copy.failed': '复制失败',
  'confirm.ask': '确认？',
  'confirm.cancel': '取消',
  'error.title': '请求失败',
  'error.code': '错误码',
  'error.status': '状态',
  'error.requestId': '请求 ID',
  'error.hint': '建议',
  'error.retry': '重试',
  'loading.label': '加载中',
  'score.label': '得分 {score}',
};
