// The JS heap of a page's dedicated workers, sampled while a trace loads (bench/page-metrics.mjs).
// Workers are reached through the page's CDP session: auto-attach (not flattened) hands over a
// session per worker, and Runtime.getHeapUsage is sent to it as a wrapped message.

export async function sampleWorkerHeaps(cdp) {
  const sessions = new Map(); // sessionId → worker title
  const pending = new Map();
  let nextId = 0;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.set(e.sessionId, e.targetInfo.title);
  });
  cdp.on('Target.detachedFromTarget', (e) => sessions.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message);
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const heapOf = async (sessionId) => {
    const id = ++nextId;
    const answer = new Promise((resolve) => {
      pending.set(id, resolve);
      setTimeout(() => resolve(undefined), 1000);
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => {});
    return (await answer)?.usedSize;
  };
  /** Total heap of the workers alive now, bytes. */
  const now = async () => {
    let total = 0;
    for (const sessionId of [...sessions.keys()]) total += (await heapOf(sessionId)) ?? 0;
    return total;
  };
  let peak = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      peak = Math.max(peak, await now());
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    /** Stops sampling; returns the peak seen while loading and the workers' heap now, bytes. */
    async stop() {
      stopped = true;
      await loop;
      return { peakBytes: peak, afterBytes: await now() };
    },
  };
}
