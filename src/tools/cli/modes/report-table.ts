// Terminal extras for the human reports: after redis-cli's own text (kept byte for byte, since people
// and scripts know it), --bigkeys and --memkeys add a per-type table when stdout is a terminal.
// Counterpart: none in redis-cli; tables follow the project's convention (cli-table3, colour via chalk).
import Table from 'cli-table3';
import { Chalk } from 'chalk';

export interface TypeRow {
  type: string;
  count: number;
  total: number;
  unit: string;
  biggestKey: string | null;
  biggest: number;
}

export function renderBigKeysTable(rows: TypeRow[], sampled: number, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const table = new Table({
    head: ['type', 'keys', '% of keys', 'total', 'avg size', 'biggest key', 'biggest'].map((h) => chalk.bold(h)),
    colAligns: ['left', 'right', 'right', 'right', 'right', 'left', 'right'],
    style: { head: [], border: [] },
  });
  for (const r of rows) {
    if (r.count === 0) continue;
    table.push([
      chalk.cyan(r.type),
      String(r.count),
      sampled ? ((100 * r.count) / sampled).toFixed(2) + '%' : '0.00%',
      `${r.total} ${r.unit}`,
      (r.total / r.count).toFixed(2),
      r.biggestKey ?? '',
      chalk.yellow(`${r.biggest} ${r.unit}`),
    ]);
  }
  if (table.length === 0) return '';
  return '\n' + table.toString() + '\n';
}
