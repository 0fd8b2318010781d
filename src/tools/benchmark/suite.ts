// The default tests, in redis-benchmark 7.0's order with its titles, -t names and commands (keys such
// as key:__rand_int__, counter:__rand_int__, mylist, myset, myzset, myhash).
// Counterpart: the default-suite part of main() in Redis's redis-benchmark.c.

export interface SuiteTest {
  /** What the report prints ("SET", "LRANGE_100 (first 100 elements)"). */
  title: string;
  /** -t names that select it (lower case). */
  names: string[];
  /** The command; `data` is the -d value. Inline tests give raw bytes instead. */
  command(data: Buffer, randomKeys: boolean): (string | Buffer)[] | Buffer;
}

export const SUITE: SuiteTest[] = [
  { title: 'PING_INLINE', names: ['ping_inline', 'ping'], command: () => Buffer.from('PING\r\n') },
  { title: 'PING_MBULK', names: ['ping_mbulk', 'ping'], command: () => ['PING'] },
  { title: 'SET', names: ['set'], command: (d) => ['SET', 'key:__rand_int__', d] },
  { title: 'GET', names: ['get'], command: () => ['GET', 'key:__rand_int__'] },
  { title: 'INCR', names: ['incr'], command: () => ['INCR', 'counter:__rand_int__'] },
  { title: 'LPUSH', names: ['lpush'], command: (d) => ['LPUSH', 'mylist', d] },
  { title: 'RPUSH', names: ['rpush'], command: (d) => ['RPUSH', 'mylist', d] },
  { title: 'LPOP', names: ['lpop'], command: () => ['LPOP', 'mylist'] },
  { title: 'RPOP', names: ['rpop'], command: () => ['RPOP', 'mylist'] },
  { title: 'SADD', names: ['sadd'], command: () => ['SADD', 'myset', 'element:__rand_int__'] },
  { title: 'HSET', names: ['hset'], command: (d) => ['HSET', 'myhash', 'element:__rand_int__', d] },
  { title: 'SPOP', names: ['spop'], command: () => ['SPOP', 'myset'] },
  {
    title: 'ZADD',
    names: ['zadd'],
    // With -r the score is random too; without it every member gets score 0.
    command: (_d, randomKeys) => ['ZADD', 'myzset', randomKeys ? '__rand_int__' : '0', 'element:__rand_int__'],
  },
  { title: 'ZPOPMIN', names: ['zpopmin'], command: () => ['ZPOPMIN', 'myzset'] },
  {
    title: 'LPUSH (needed to benchmark LRANGE)',
    names: ['lrange', 'lrange_100', 'lrange_300', 'lrange_500', 'lrange_600'],
    command: (d) => ['LPUSH', 'mylist', d],
  },
  { title: 'LRANGE_100 (first 100 elements)', names: ['lrange', 'lrange_100'], command: () => ['LRANGE', 'mylist', '0', '99'] },
  { title: 'LRANGE_300 (first 300 elements)', names: ['lrange', 'lrange_300'], command: () => ['LRANGE', 'mylist', '0', '299'] },
  { title: 'LRANGE_500 (first 500 elements)', names: ['lrange', 'lrange_500'], command: () => ['LRANGE', 'mylist', '0', '499'] },
  { title: 'LRANGE_600 (first 600 elements)', names: ['lrange', 'lrange_600'], command: () => ['LRANGE', 'mylist', '0', '599'] },
  {
    title: 'MSET (10 keys)',
    names: ['mset'],
    command: (d) => {
      const argv: (string | Buffer)[] = ['MSET'];
      for (let i = 0; i < 10; i++) argv.push('key:__rand_int__', d);
      return argv;
    },
  },
];

/** The tests -t selects (all when no -t), in suite order. */
export function selectTests(names: string[] | null): SuiteTest[] {
  if (names === null) return SUITE;
  const wanted = new Set(names);
  return SUITE.filter((t) => t.names.some((n) => wanted.has(n)));
}
