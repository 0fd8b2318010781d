// Converts reply trees into plain JavaScript values for tools that want data rather than rendering
// (benchmark checks, migrate, sentinel and cluster discovery). Counterpart: none in Redis; hiredis
// callers read redisReply fields directly.
import type { ReplyNode } from '../protocol/reply-decoder.js';

export type JsValue = string | number | bigint | boolean | null | Error | JsValue[] | Map<string, JsValue>;

/** Bulk strings become UTF-8 strings (use the tree itself when bytes matter), maps become Map. */
export function replyToJs(node: ReplyNode): JsValue {
  switch (node.type) {
    case 'status':
    case 'bignum':
      return node.value;
    case 'error':
      return new Error(node.value);
    case 'integer': {
      const n = Number(node.value);
      return Number.isSafeInteger(n) ? n : node.value;
    }
    case 'bulk':
    case 'verbatim':
      return node.value.toString('utf8');
    case 'null':
      return null;
    case 'double':
      return Number(node.value);
    case 'boolean':
      return node.value;
    case 'array':
    case 'set':
    case 'push':
      return node.items.map(replyToJs);
    case 'map': {
      const m = new Map<string, JsValue>();
      for (let i = 0; i + 1 < node.items.length; i += 2) m.set(String(replyToJs(node.items[i]!)), replyToJs(node.items[i + 1]!));
      return m;
    }
    case 'attribute':
      return replyToJs(node.value);
  }
}
