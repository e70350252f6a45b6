import { describe, expect, it, vi } from 'vitest';
import { LatestRequestWorker, type WorkerLikeForRequests } from './latest-request-worker';

class FakeWorker implements WorkerLikeForRequests {
  posted: { id: number }[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: unknown) {
    this.posted.push(message as { id: number });
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number) {
    this.onmessage?.({ data: { id, value: id * 10 } } as MessageEvent);
  }
  fail() {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
}

describe('LatestRequestWorker', () => {
  it('reuses an idle worker and ignores answers to older requests', () => {
    const workers: FakeWorker[] = [];
    const w = new LatestRequestWorker<{ id: number; value: number }>(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    });
    const got: number[] = [];
    expect(w.post({ id: 1 }, (r) => got.push(r.value), () => {})).toBe(true);
    workers[0]!.answer(0); // stale
    workers[0]!.answer(1);
    expect(w.post({ id: 2 }, (r) => got.push(r.value), () => {})).toBe(true);
    workers[0]!.answer(2);
    expect(workers).toHaveLength(1);
    expect(got).toEqual([10, 20]);
  });

  it('terminates a worker still busy with an older request', () => {
    const workers: FakeWorker[] = [];
    const w = new LatestRequestWorker(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    });
    w.post({ id: 1 }, () => {}, () => {});
    w.post({ id: 2 }, () => {}, () => {});
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.posted).toEqual([{ id: 2 }]);
  });

  it('reports a failing worker script and says so when no worker can run', () => {
    const fake = new FakeWorker();
    const w = new LatestRequestWorker(() => fake);
    const onFailure = vi.fn();
    w.post({ id: 1 }, () => {}, onFailure);
    fake.fail();
    expect(onFailure).toHaveBeenCalledOnce();
    expect(fake.terminated).toBe(true);
    const none = new LatestRequestWorker(() => {
      throw new Error('no workers here');
    });
    expect(none.post({ id: 1 }, () => {}, () => {})).toBe(false);
  });
});
