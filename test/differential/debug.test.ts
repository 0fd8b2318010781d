// Differential cases for the DEBUG subcommands test suites lean on (POPULATE above all), with the debug
// command enabled on both servers.
import { describe } from 'vitest';
import { diffCases, sorted, useDiffPair } from '../helpers/differential.js';

const pair = useDiffPair({ subjectArgs: ['--enable-debug-command', 'yes'], oracleArgs: ['--enable-debug-command', 'yes'] });

describe('DEBUG POPULATE', () => {
  diffCases('populate', pair, [
    ['FLUSHALL'],
    ['DEBUG', 'POPULATE', '5'],
    ['DBSIZE'],
    sorted('KEYS', '*'),
    ['GET', 'key:0'],
    ['GET', 'key:4'],
    ['SET', 'key:2', 'mine'],
    ['DEBUG', 'POPULATE', '4', 'key'],
    ['GET', 'key:2'],
    ['DEBUG', 'POPULATE', '3', 'p', '3'],
    ['GET', 'p:0'],
    ['DEBUG', 'POPULATE', '2', 'pad', '12'],
    ['GET', 'pad:1'],
    ['STRLEN', 'pad:1'],
    ['OBJECT', 'ENCODING', 'key:1'],
    ['DEBUG', 'POPULATE', '0'],
    ['DEBUG', 'POPULATE', '-1'],
    ['DEBUG', 'POPULATE', 'x'],
    ['DEBUG', 'POPULATE', '2', 'q', '-3'],
    ['DEBUG', 'POPULATE', '2', 'q', 'y'],
    ['DEBUG', 'POPULATE'],
    ['DEBUG', 'POPULATE', '1', 'a', '1', 'extra'],
    ['SELECT', '3'],
    ['DEBUG', 'POPULATE', '1000', 'big', '100'],
    ['DBSIZE'],
    ['STRLEN', 'big:999'],
    ['GETRANGE', 'big:999', '0', '12'],
    ['SELECT', '0'],
    ['DBSIZE'],
  ]);
});
