import { describe, expect, it } from 'vitest';
import { parseRedisUrl, UrlError } from './url.js';

describe('parseRedisUrl', () => {
  it('reads every part', () => {
    expect(parseRedisUrl('redis://alice:p%40ss@db.example:7000/3')).toEqual({
      tls: false,
      user: 'alice',
      password: 'p@ss',
      host: 'db.example',
      port: 7000,
      db: 3,
    });
  });

  it('leaves out what is not given', () => {
    expect(parseRedisUrl('redis://localhost')).toEqual({ tls: false, host: 'localhost' });
    expect(parseRedisUrl('redis://:secret@h')).toEqual({ tls: false, password: 'secret', host: 'h' });
    expect(parseRedisUrl('redis://secret@h:1/')).toEqual({ tls: false, password: 'secret', host: 'h', port: 1 });
    expect(parseRedisUrl('rediss://[::1]:6380')).toEqual({ tls: true, host: '::1', port: 6380 });
  });

  it('rejects other schemes and bad numbers', () => {
    expect(() => parseRedisUrl('http://h')).toThrow(UrlError);
    expect(() => parseRedisUrl('redis://h:port')).toThrow(UrlError);
    expect(() => parseRedisUrl('redis://h/x')).toThrow(UrlError);
  });
});
