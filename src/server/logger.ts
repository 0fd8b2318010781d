// Log lines in Redis's format: "pid:role dd Mon yyyy hh:mm:ss.mmm <level> message", where the level
// mark is '.' debug, '-' verbose, '*' notice, '#' warning. Counterpart: serverLog (server.c).
import { appendFileSync } from 'node:fs';

const LEVELS = ['debug', 'verbose', 'notice', 'warning', 'nothing'];
const MARKS = ['.', '-', '*', '#'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type LogLevel = 'debug' | 'verbose' | 'notice' | 'warning';

export class Logger {
  level = 2;
  file = '';
  role = 'M';
  /** Daemonized with no logfile: Redis discards log output. */
  silent = false;

  setLevel(name: string): void {
    const i = LEVELS.indexOf(name);
    if (i >= 0) this.level = i;
  }

  log(level: LogLevel, msg: string): void {
    const li = LEVELS.indexOf(level);
    if (li < this.level || this.silent) return;
    const d = new Date();
    const p2 = (n: number) => String(n).padStart(2, '0');
    const ts = `${p2(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
    const line = `${process.pid}:${this.role} ${ts} ${MARKS[li]} ${msg}\n`;
    if (this.file) {
      try {
        appendFileSync(this.file, line);
        return;
      } catch {
        // Fall back to stdout when the log file cannot be written, like Redis does.
      }
    }
    process.stdout.write(line);
  }
}
