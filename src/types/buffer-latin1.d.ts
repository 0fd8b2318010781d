// Node's Buffer has fast latin1 helpers at run time that its type definitions do not declare.
declare module 'buffer' {
  interface Buffer {
    latin1Slice(start?: number, end?: number): string;
    latin1Write(str: string, offset?: number, length?: number): number;
  }
}
export {};
