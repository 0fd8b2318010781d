// Redis 7.2's double forms: fpconv_dtoa's layout of the shortest digits, d2string's integer fast path,
// and the number-argument form of scripts. Expected strings follow fpconv's emit_digits rules.
import { describe, expect, it } from 'vitest';
import { d2string, double2llString, fpconvDtoa, luaNumberArgument } from './number.js';

/** fpconv's layout computed the long way from the shortest digits, to check the fast paths against. */
function reference(d: number): string {
  const sign = d < 0 || Object.is(d, -0) ? '-' : '';
  if (d === 0) return `${sign}0`;
  const e = Math.abs(d).toExponential();
  const at = e.indexOf('e');
  const digits = e.slice(0, at).replace('.', '');
  const power = Number(e.slice(at + 1));
  const K = power - (digits.length - 1);
  const exp = Math.abs(power);
  if (K >= 0 && exp < digits.length + 7) return sign + digits + '0'.repeat(K);
  if (K < 0 && (K > -7 || exp < 4)) {
    const offset = digits.length + K;
    return offset <= 0 ? `${sign}0.${'0'.repeat(-offset)}${digits}` : `${sign}${digits.slice(0, offset)}.${digits.slice(offset)}`;
  }
  return `${sign}${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}e${power < 0 ? '-' : '+'}${exp}`;
}

describe('fpconvDtoa', () => {
  it('lays out digits as fpconv does', () => {
    const cases: [number, string][] = [
      [0.1, '0.1'],
      [0.1 + 0.2, '0.30000000000000004'],
      [-1.5, '-1.5'],
      [123456789, '123456789'],
      [10000000, '10000000'],
      [100000000, '1e+8'],
      [1e10, '1e+10'],
      [12345678000000, '12345678000000'],
      [1234567800000000, '1.2345678e+15'],
      [1e21, '1e+21'],
      [1234.1234567, '1234.1234567'],
      [12345.1234567, '1.23451234567e+4'],
      [12345.123456, '12345.123456'],
      [0.0001, '0.0001'],
      [0.001234567, '0.001234567'],
      [0.0001234567, '1.234567e-4'],
      [1e-7, '1e-7'],
      [1.2345e-6, '1.2345e-6'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [-0, '-0'],
      [0, '0'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
    ];
    for (const [d, s] of cases) expect(fpconvDtoa(d), String(d)).toBe(s);
    expect(fpconvDtoa(NaN)).toBe('nan');
    expect(fpconvDtoa(NaN, true)).toBe('-nan');
  });

  it('matches the long way and reads back exactly, over many doubles', () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const buf = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 20000; i++) {
      let d: number;
      const kind = i % 4;
      if (kind === 0) {
        buf.setUint32(0, (rnd() * 4294967296) >>> 0);
        buf.setUint32(4, (rnd() * 4294967296) >>> 0);
        d = buf.getFloat64(0);
        if (!Number.isFinite(d)) continue;
      } else if (kind === 1) d = Math.round(rnd() * 1e6) / 10 ** Math.floor(rnd() * 12);
      else if (kind === 2) d = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
      else d = Math.round((rnd() - 0.5) * 2 ** Math.floor(rnd() * 70));
      const s = fpconvDtoa(d);
      expect(s, `${d}`).toBe(reference(d));
      expect(Number(s)).toBe(d);
    }
  });
});

describe('d2string and script number arguments', () => {
  it('integral values within 2^62 are written as integers, the rest as fpconv', () => {
    expect(d2string(1e8)).toBe('100000000');
    expect(d2string(1e10)).toBe('10000000000');
    expect(d2string(2 ** 62)).toBe('4611686018427387904');
    expect(d2string(-(2 ** 62))).toBe('-4611686018427387904');
    expect(d2string(2 ** 60 + 2 ** 10)).toBe('1152921504606848000');
    expect(d2string(2 ** 63)).toBe('9223372036854776000');
    expect(d2string(1e20)).toBe('1e+20');
    expect(d2string(-0)).toBe('-0');
    expect(d2string(0)).toBe('0');
    expect(d2string(NaN)).toBe('nan');
    expect(d2string(-Infinity)).toBe('-inf');
    expect(d2string(12345.1234567)).toBe('1.23451234567e+4');
    expect(d2string(2.5)).toBe('2.5');
  });

  it('double2ll refuses fractions, NaN and magnitudes past 2^62', () => {
    expect(double2llString(1.5)).toBeNull();
    expect(double2llString(NaN)).toBeNull();
    expect(double2llString(Infinity)).toBeNull();
    expect(double2llString(2 ** 62 * 2)).toBeNull();
    expect(double2llString(-0)).toBe('0');
  });

  it('a script number argument: integers as integers (-0 too), NaN with its sign', () => {
    expect(luaNumberArgument(1e15, false)).toBe('1000000000000000');
    expect(luaNumberArgument(-0, false)).toBe('0');
    expect(luaNumberArgument(0.1, false)).toBe('0.1');
    expect(luaNumberArgument(1 / 3, false)).toBe('0.3333333333333333');
    expect(luaNumberArgument(NaN, true)).toBe('-nan');
    expect(luaNumberArgument(Infinity, false)).toBe('inf');
    expect(luaNumberArgument(2 ** 63, false)).toBe('9223372036854776000');
  });
});
