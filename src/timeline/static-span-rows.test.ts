// The rows drawn before the app has loaded (a trace link's first view) say what the waterfall
// says about the same spans. They are built with plain DOM calls; this runs them against a small
// stand-in for the document (the tests run in Node, without a DOM library).
import { describe, expect, it } from 'vitest';
import { buildTrace } from '../model/build-trace';
import { rawSpan, TEST_EPOCH_US } from '../model/testing/raw-span';
import { staticSpanRows } from './static-span-rows';

/** The part of an element that staticSpanRows uses. */
class StandInElement {
  className = '';
  readonly dataset: Record<string, string> = {};
  readonly style = Object.assign({ setProperty: (): void => undefined }, {} as Record<string, string>);
  private readonly attributes = new Map<string, string>();
  private nodes: (StandInElement | string)[] = [];

  constructor(readonly tagName: string) {}

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  append(...nodes: (StandInElement | string)[]): void {
    this.nodes.push(...nodes);
  }
  get children(): StandInElement[] {
    return this.nodes.filter((n): n is StandInElement => typeof n !== 'string');
  }
  get firstElementChild(): StandInElement | null {
    return this.children[0] ?? null;
  }
  get textContent(): string {
    return this.nodes.map((n) => (typeof n === 'string' ? n : n.textContent)).join('');
  }
  set textContent(text: string) {
    this.nodes = [text];
  }
  /** This element and every element inside it, in document order. */
  descendants(): StandInElement[] {
    return [this, ...this.children.flatMap((c) => c.descendants())];
  }
}

const standInDocument = { createElement: (tag: string) => new StandInElement(tag) } as unknown as Document;

/** The text beside each row's bar, by span ID. */
function barLabels(rows: HTMLElement): Record<string, string> {
  const grid = rows as unknown as StandInElement;
  const out: Record<string, string> = {};
  for (const row of grid.children) {
    const label = row.descendants().find((el) => el.dataset.barLabel !== undefined);
    out[row.dataset.spanId ?? '?'] = label?.textContent ?? '(none)';
  }
  return out;
}

describe('staticSpanRows', () => {
  it('labels a span without a duration "no duration", as the waterfall does, not "0 µs"', () => {
    const trace = buildTrace(
      [
        rawSpan({ spanId: 'root', startUs: TEST_EPOCH_US, durationUs: 1000 }),
        rawSpan({ spanId: 'noDur', parentSpanId: 'root', startUs: TEST_EPOCH_US + 100, durationUs: null }),
        rawSpan({ spanId: 'noStart', parentSpanId: 'root', startUs: null, durationUs: 15 }),
        rawSpan({ spanId: 'zero', parentSpanId: 'root', startUs: TEST_EPOCH_US + 200, durationUs: 0 }),
      ],
      'zipkin-v2',
    );
    const grid = staticSpanRows(standInDocument, trace, 10, 'Trace preview');
    expect(barLabels(grid)).toEqual({ root: '1 ms', noDur: 'no duration', noStart: '15 µs', zero: '0 µs' });
  });
});
