// A Web Worker that answers one request at a time, where only the newest request matters (layouts of
// a graph the user keeps changing). A newer request terminates a worker still busy with an older one,
// because a running computation cannot be interrupted from outside. Without Worker support, or when
// the worker script fails to start (e.g. blocked by a content security policy), the caller runs the
// work on the main thread instead.

export interface WorkerLikeForRequests {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class LatestRequestWorker<Response extends { id: number }> {
  private slot: { worker: WorkerLikeForRequests; busy: boolean } | null = null;

  /** `create` starts the worker; it may throw or return null where workers cannot run. */
  constructor(private readonly create: () => WorkerLikeForRequests | null) {}

  /**
   * Posts `request`. `onResponse` gets the worker's answer to it (answers to older requests are
   * ignored); `onFailure` is called when the worker script itself fails. Returns false, having posted
   * nothing, when no worker can run: the caller should do the work itself.
   */
  post(request: { id: number }, onResponse: (response: Response) => void, onFailure: () => void): boolean {
    if (this.slot?.busy) {
      this.slot.worker.terminate();
      this.slot = null;
    }
    if (!this.slot) {
      const worker = this.start();
      if (worker) this.slot = { worker, busy: false };
    }
    const slot = this.slot;
    if (!slot) return false;
    slot.busy = true;
    slot.worker.onmessage = (event: MessageEvent) => {
      const response = event.data as Response;
      if (response.id !== request.id) return;
      slot.busy = false;
      onResponse(response);
    };
    slot.worker.onerror = (event) => {
      event.preventDefault();
      slot.worker.terminate();
      if (this.slot === slot) this.slot = null;
      onFailure();
    };
    slot.worker.postMessage(request);
    return true;
  }

  dispose(): void {
    this.slot?.worker.terminate();
    this.slot = null;
  }

  private start(): WorkerLikeForRequests | null {
    try {
      return this.create();
    } catch {
      return null;
    }
  }
}
