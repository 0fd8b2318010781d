// `cinnabar server [config-file] [--directive value ...]`: loads configuration like redis-server,
// daemonizes if asked, starts the listeners and handles SIGTERM/SIGINT. Returns the exit code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { Config, ConfigError, REDIS_VERSION } from './config.js';
import { CinnabarServer, CINNABAR_VERSION } from './server.js';
import { Logger } from './logger.js';

export interface ServerIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `Usage: cinnabar server [/path/to/cinnabar.conf] [options] [-]
       cinnabar server - (read config from stdin)
       cinnabar server -v or --version
       cinnabar server --help

Examples:
       cinnabar server (run the server with default config)
       cinnabar server /etc/redis/6379.conf
       cinnabar server --port 7777
       cinnabar server /etc/myredis.conf --loglevel verbose -
       cinnabar server --save "" --appendonly no
`;

export async function runServer(argv: string[], io: ServerIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  if (argv[0] === '-v' || argv[0] === '--version') {
    io.stdout(`Cinnabar server v=${CINNABAR_VERSION} redis_version=${REDIS_VERSION} node=${process.versions.node} bits=64\n`);
    return 0;
  }
  const config = new Config();
  const log = new Logger();
  try {
    let rest = argv;
    let text = '';
    if (rest.length > 0 && !rest[0].startsWith('--')) {
      const file = rest[0];
      rest = rest.slice(1);
      if (file === '-') {
        text = readFileSync(0, 'latin1');
      } else {
        try {
          text = readFileSync(file, 'latin1');
        } catch {
          io.stderr(`Fatal error, can't open config file '${resolve(file)}': No such file or directory\n`);
          return 1;
        }
        config.configFile = resolve(file);
      }
    }
    if (rest.length && rest[rest.length - 1] === '-') {
      text += '\n' + readFileSync(0, 'latin1');
      rest = rest.slice(0, -1);
    }
    text += '\n' + Config.argsToText(rest);
    config.loadText(text, config.configFile);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(err.render());
      return 1;
    }
    throw err;
  }
  if (config.getBool('daemonize')) {
    // Node cannot fork: re-run ourselves detached with daemonize off and let this process exit.
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], 'server', ...argv, '--daemonize', 'no'], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, CINNABAR_DAEMON_CHILD: '1' },
    });
    child.unref();
    return 0;
  }
  log.file = config.get('logfile') ?? '';
  if (process.env.CINNABAR_DAEMON_CHILD === '1' && !log.file) log.silent = true;
  log.setLevel(config.get('loglevel')!);
  log.role = 'C';
  log.log('notice', 'oO0OoO0OoO0Oo Cinnabar is starting oO0OoO0OoO0Oo');
  log.log('notice', `Cinnabar version=${CINNABAR_VERSION}, redis_version=${REDIS_VERSION}, node=${process.versions.node}, bits=64, pid=${process.pid}, just started`);
  if (!config.configFile && argv.length === 0) {
    log.log('warning', 'Warning: no config file specified, using the default config. In order to specify a config file use cinnabar server /path/to/cinnabar.conf');
  } else {
    log.log('notice', 'Configuration loaded');
  }
  log.role = 'M';
  const dir = config.get('dir');
  if (dir) {
    try {
      process.chdir(dir);
    } catch (e) {
      log.log('warning', `Can't chdir to '${dir}': ${(e as Error).message}`);
      return 1;
    }
  }
  config.setRaw('dir', process.cwd());
  const server = new CinnabarServer({ config, logger: log });
  for (const r of config.renames) {
    const err = server.engine.registry.rename(r.from, r.to);
    if (err !== null) {
      io.stderr(new ConfigError(r.lineNo, r.line, err).render());
      return 1;
    }
  }
  const aclError = server.acl.loadAtStartup(config.userLines);
  if (aclError !== null) {
    log.log('warning', aclError);
    return 1;
  }
  // With appendonly yes the AOF is the dataset and dump.rdb is not read, as in Redis.
  const loadError = config.getBool('appendonly') ? server.aof.load() : await server.rdb.load();
  if (loadError !== null) {
    log.log('warning', loadError);
    log.log('warning', 'Fatal error loading the DB, check server logs. Exiting.');
    return 1;
  }
  const onSignal = (sig: string) => {
    const setting = config.get(sig === 'SIGINT' ? 'shutdown-on-sigint' : 'shutdown-on-sigterm');
    log.log('warning', `Received ${sig} scheduling shutdown...`);
    server.prepareForShutdown({ nosave: setting === 'nosave', save: setting === 'save' }, 'User requested shutdown...');
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  if (!server.tls.configure()) {
    log.log('warning', 'Failed to configure TLS. Check logs for more info.');
    return 1;
  }
  // Written before the listeners open, as Redis 7.2 does: whoever connects finds the pidfile there.
  server.writePidfile();
  try {
    await server.listen();
  } catch (e) {
    log.log('warning', `Failed listening on port ${config.get('port')} (tcp), aborting: ${(e as Error).message}`);
    return 1;
  }
  log.log('notice', `Running mode=standalone, port=${config.get('port')}.`);
  log.log('notice', 'Server initialized');
  if (config.getNumber('port') !== 0) log.log('notice', 'Ready to accept connections tcp');
  if (config.get('unixsocket')) log.log('notice', 'Ready to accept connections unix');
  if (config.getNumber('tls-port') !== 0) log.log('notice', 'Ready to accept connections tls');
  return server.stopped;
}
