import { describe, expect, it } from 'vitest';
import { splitArgs } from './split-args.js';

describe('splitArgs', () => {
  it('splits on spaces and handles both quote styles', () => {
    expect(splitArgs('set "a b" \'c d\'  e')).toEqual(['set', 'a b', 'c d', 'e']);
    expect(splitArgs('"\\x41\\x4a\\n\\r\\t\\b\\a\\\\\\"x"')).toEqual(['AJ\n\r\t\b\x07\\"x']);
    expect(splitArgs("'it\\'s'")).toEqual(["it's"]);
    expect(splitArgs('   ')).toEqual([]);
    expect(splitArgs('a\tb')).toEqual(['a', 'b']);
  });

  it('refuses unbalanced or badly closed quotes', () => {
    expect(splitArgs('"abc')).toBeNull();
    expect(splitArgs("'abc")).toBeNull();
    expect(splitArgs('"abc"def')).toBeNull();
  });

  it('ends at a NUL byte like a C string, without looping', () => {
    expect(splitArgs('PI\0NG x')).toEqual(['PI']);
    expect(splitArgs('\0\x01')).toEqual([]);
    expect(splitArgs('x \0y')).toEqual(['x']);
    expect(splitArgs('"a\0b"')).toBeNull();
  });
});
