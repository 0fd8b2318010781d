// Entry point of a benchmark worker thread: runs an Engine for the connections the main thread hands it
// and sends back its latency counts. Counterpart: execBenchmarkThread() in redis-benchmark.c.
import { parentPort } from 'node:worker_threads';
import { Engine, type LoadSpec } from './engine.js';

type ToWorker =
  | { type: 'connect'; spec: LoadSpec; shared: Int32Array; stats: Float64Array; statsBase: number }
  | { type: 'start' }
  | { type: 'stop'; abort: boolean }
  | { type: 'collect' };

const port = parentPort!;
let engine: Engine | null = null;

port.on('message', (msg: ToWorker) => {
  switch (msg.type) {
    case 'connect': {
      engine = new Engine(msg.spec, msg.shared, msg.stats, msg.statsBase, {
        onFatal: (message) => port.postMessage({ type: 'fatal', message }),
        onDone: () => port.postMessage({ type: 'done' }),
      });
      engine.connectAll().then(
        () => port.postMessage({ type: 'connected' }),
        (err: Error) => {
          engine?.close();
          engine = null;
          port.postMessage({ type: 'connectError', message: err.message });
        },
      );
      return;
    }
    case 'start':
      engine?.start();
      return;
    case 'stop':
      engine?.stop(msg.abort);
      return;
    case 'collect': {
      const e = engine;
      engine = null;
      if (!e) {
        port.postMessage({ type: 'result', direct: new Float64Array(0), overflow: [] });
        return;
      }
      e.close();
      const direct = e.recorder.direct;
      port.postMessage({ type: 'result', direct, overflow: e.recorder.overflow }, [direct.buffer]);
      return;
    }
  }
});
