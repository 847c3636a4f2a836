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
        return true;
      })()`,
      includeCommandLineAPI: true,
      returnByValue: true,
    });
  }

  /** The server's event-loop delay and longest GC pause since the last reset, in ms; resets them. */
  async loopDelay(): Promise<LoopDelay> {
    const result = (await this.call('Runtime.evaluate', {
      expression: `(() => {
        const h = globalThis.__benchLoop;
        const d = JSON.stringify({ p99: h.percentile(99) / 1e6, max: h.max / 1e6, gcMax: __benchGc.max });
        h.reset();
        __benchGc.max = 0;
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
