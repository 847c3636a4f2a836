import WebSocket from 'ws';

export interface MemoryUsage {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface LoopDelay {
  p99: number;
  max: number;
  /** Longest garbage-collection pause. */
  gcMax: number;
  /**
   * Server residence of a message that the server passed on to other sockets: from the socket
   * read that brought it to the write of that fan-out's first / last frame (ms). Latency
   * minus this is the network and the clients (the load generator's replicas).
   */
  residence: { count: number; firstP50: number; lastP50: number; lastP99: number };
}

/**
 * A minimal client of Node's inspector protocol, for a server started with
 * `--inspect=127.0.0.1:0`: it forces a full garbage collection and reads the server's own
 * `process.memoryUsage()`, so memory is measured the same way on every target without any
 * code in them.
 */
export class Inspector {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      if (message.id === undefined) return;
      const entry = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) entry?.reject(new Error(message.error.message));
      else entry?.resolve(message.result);
    });
  }

  static connect(url: string): Promise<Inspector> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new Inspector(socket)));
      socket.once('error', reject);
    });
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  async memoryAfterGc(): Promise<MemoryUsage> {
    // Twice: weak references and finalizers freed by the first pass are collected by the second.
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
    const result = (await this.call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } };
    return JSON.parse(result.result.value) as MemoryUsage;
  }

  /**
   * Starts, inside the server, a histogram of its event-loop delay (1 ms resolution) and a
   * tally of its garbage-collection pauses: a long delay with a long pause is the collector's.
   */
  async installLoopMonitor(): Promise<void> {
    await this.call('Runtime.evaluate', {
      // The command-line API provides `require`, even in an ES module program.
      expression: `(() => {
        const hooks = require('node:perf_hooks');
        globalThis.__benchLoop = hooks.monitorEventLoopDelay({ resolution: 1 });
        __benchLoop.enable();
        globalThis.__benchGc = { max: 0 };
        new hooks.PerformanceObserver((list) => {
          for (const entry of list.getEntries()) __benchGc.max = Math.max(__benchGc.max, entry.duration);
        }).observe({ entryTypes: ['gc'] });
        // Residence: a read's fan-out is every write to another socket before the next read
        // (Node drains the microtasks, where Hocuspocus broadcasts, between two socket reads).
        const net = require('node:net');
        const now = () => hooks.performance.now();
        const r = globalThis.__benchResidence = { from: null, t0: 0, first: 0, last: 0, firsts: [], lasts: [] };
        const close = () => {
          if (r.from !== null && r.last > 0 && r.lasts.length < 1e6) {
            r.firsts.push(r.first - r.t0);
            r.lasts.push(r.last - r.t0);
          }
          r.from = null;
        };
        const emit = net.Socket.prototype.emit;
        net.Socket.prototype.emit = function (event, ...rest) {
          if (event === 'data') {
            close();
            r.from = this;
            r.t0 = now();
            r.first = 0;
            r.last = 0;
          }
          return emit.call(this, event, ...rest);
        };
        const write = net.Socket.prototype.write;
        net.Socket.prototype.write = function (...rest) {
          if (r.from !== null && this !== r.from) {
            r.last = now();
            if (r.first === 0) r.first = r.last;
          }
          return write.apply(this, rest);
        };
        r.close = close;
        return true;
      })()`,
      includeCommandLineAPI: true,
      returnByValue: true,
    });
  }

  /** The server's event-loop delay, longest GC pause and residence since the last reset, in ms; resets them. */
  async loopDelay(): Promise<LoopDelay> {
    const result = (await this.call('Runtime.evaluate', {
      expression: `(() => {
        const h = globalThis.__benchLoop;
        const r = globalThis.__benchResidence;
        r.close();
        const at = (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
        };
        const residence = { count: r.lasts.length, firstP50: at(r.firsts, 50), lastP50: at(r.lasts, 50), lastP99: at(r.lasts, 99) };
        const d = JSON.stringify({ p99: h.percentile(99) / 1e6, max: h.max / 1e6, gcMax: __benchGc.max, residence });
        h.reset();
        __benchGc.max = 0;
        r.firsts = [];
        r.lasts = [];
        return d;
      })()`,
      returnByValue: true,
    })) as { result: { value: string } };
    return JSON.parse(result.result.value) as LoopDelay;
  }

  close(): void {
    this.socket.close();
  }
}

/** The inspector's address, from the line Node prints on stderr at start. */
export function inspectorUrl(output: string): string | null {
  return /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null;
}
