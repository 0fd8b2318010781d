import { describe, expect, it } from 'vitest';
import { parseRedirect } from './redirect.js';

describe('parseRedirect', () => {
  it('reads MOVED and ASK', () => {
    expect(parseRedirect('MOVED 3999 127.0.0.1:6381')).toEqual({ kind: 'MOVED', slot: 3999, host: '127.0.0.1', port: 6381 });
    expect(parseRedirect('ASK 12 10.0.0.2:7000')).toEqual({ kind: 'ASK', slot: 12, host: '10.0.0.2', port: 7000 });
  });

  it('splits IPv6 addresses at the last colon and keeps an empty host', () => {
    expect(parseRedirect('MOVED 1 ::1:7000')).toMatchObject({ host: '::1', port: 7000 });
    expect(parseRedirect('MOVED 1 [::1]:7000')).toMatchObject({ host: '::1', port: 7000 });
    expect(parseRedirect('MOVED 1 :7000')).toMatchObject({ host: '', port: 7000 });
  });

  it('ignores other errors', () => {
    expect(parseRedirect('ERR unknown command')).toBeNull();
    expect(parseRedirect('MOVED x 1.2.3.4:5')).toBeNull();
    expect(parseRedirect('ASKING')).toBeNull();
  });
});
