// The few C printf conversions the cli's reports use, so numbers read exactly as redis-cli prints them.
// Counterpart: printf("%05.2f%%") and printf("%.2f") in Redis's redis-cli.c.

/** printf("%.<digits>f"): fixed point, round half to even on the binary value like glibc; nan/inf as C prints them. */
export function cFixed(n: number, digits: number): string {
  if (Number.isNaN(n)) return n < 0 ? '-nan' : 'nan';
  if (!Number.isFinite(n)) return n < 0 ? '-inf' : 'inf';
  const exact = Math.abs(n).toFixed(100);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + digits);
  // An exact tie rounds to even, where toFixed would round away from zero.
  if (/^50*$/.test(tail)) {
    const kept = exact.slice(0, dot + 1 + digits).replace(/\.$/, '');
    const last = kept.charCodeAt(kept.length - 1) - 48;
    if (last % 2 === 0) return (n < 0 ? '-' : '') + kept;
  }
  return n.toFixed(digits);
}

/** printf("%05.2f%%"): zero-padded to five characters, then a percent sign. */
export function cPercent(n: number): string {
  const text = cFixed(n, 2);
  if (!Number.isFinite(n)) return text.padStart(5, ' ') + '%';
  const neg = text.startsWith('-');
  const digits = neg ? text.slice(1) : text;
  return (neg ? '-' : '') + digits.padStart(neg ? 4 : 5, '0') + '%';
}
