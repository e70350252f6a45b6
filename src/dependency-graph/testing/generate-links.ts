// A deterministic, microservice-shaped dependency graph of any size, for tests, the layout
// benchmark and the large-graph end-to-end check. Services sit in tiers (edge → gateway → api →
// domain → core → data); most calls go down a tier or two, a few go back up, which makes cycles.
import type { DependencyLink } from '../../model/types';

/** mulberry32: a tiny seeded PRNG, so every run builds the same graph. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS = [
  'cart', 'checkout', 'payments', 'inventory', 'catalog', 'search', 'pricing', 'shipping', 'orders',
  'accounts', 'auth', 'billing', 'ledger', 'fraud', 'reviews', 'ads', 'email', 'notify', 'media', 'geo',
];
const ROLES = ['gateway', 'api', 'service', 'worker', 'store'];

export interface GenerateOptions {
  services: number;
  edges: number;
  seed?: number;
  /** Share of edges that point back up the tiers (and so may close cycles). */
  backEdgeShare?: number;
  withTraceIds?: boolean;
}

export function generateDependencyLinks(options: GenerateOptions): DependencyLink[] {
  const random = prng(options.seed ?? 42);
  const count = Math.max(2, options.services);
  // Six tiers: edge, gateway, api, domain, core, data (cumulative shares of the services).
  const tierEnds = [0.03, 0.1, 0.3, 0.6, 0.8, 1];
  const tierOf = (i: number) => tierEnds.findIndex((end) => i < count * end);
  const names = Array.from({ length: count }, (_, i) => {
    const domain = DOMAINS[i % DOMAINS.length] ?? 'svc';
    const role = ROLES[Math.min(ROLES.length - 1, Math.floor(tierOf(i) / 1.5) + (i % 2))] ?? 'service';
    return `${domain}-${role}-${String(i).padStart(4, '0')}`;
  });
  const byTier: number[][] = tierEnds.map(() => []);
  names.forEach((_, i) => byTier[tierOf(i)]?.push(i));
  const lastTier = tierEnds.length - 1;
  const pick = (list: number[]) => list[Math.floor(random() * list.length)] ?? 0;

  const links = new Map<string, DependencyLink>();
  const backShare = options.backEdgeShare ?? 0.03;
  let guard = options.edges * 20;
  while (links.size < options.edges && guard-- > 0) {
    let parent: number;
    let child: number;
    if (random() < backShare) {
      // Up the tiers: a callback from a domain, core or data service to a caller's tier.
      const tier = 3 + Math.floor(random() * 3);
      parent = pick(byTier[tier] ?? []);
      child = pick(byTier[tier - 1 - Math.floor(random() * 2)] ?? []);
    } else {
      const tier = Math.floor(random() * lastTier);
      parent = pick(byTier[tier] ?? []);
      // Mostly one tier down; sometimes two (a gateway reading a cache), sometimes a peer.
      const roll = random();
      if (roll < 0.06) {
        // A peer in the same tier: only "forwards" (lower to higher index), so peers add no cycles.
        const other = pick(byTier[tier] ?? []);
        child = Math.max(parent, other);
        parent = Math.min(parent, other);
      } else {
        child = pick(byTier[Math.min(lastTier, tier + (roll < 0.8 ? 1 : 2))] ?? []);
      }
    }
    if (random() < 0.002) child = parent; // the odd self call (recursion through the network)
    const key = `${parent}>${child}`;
    if (links.has(key)) continue;
    const callCount = Math.max(1, Math.round(Math.exp(random() * 9)));
    const erroring = random() < 0.15;
    const link: DependencyLink = {
      parent: names[parent] ?? '',
      child: names[child] ?? '',
      callCount,
      errorCount: erroring ? Math.round(callCount * random() * 0.2) : 0,
      p50Us: Math.round(200 + random() * 20_000),
    };
    link.p95Us = Math.round((link.p50Us ?? 0) * (2 + random() * 4));
    if (options.withTraceIds) {
      link.traceIds = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0').repeat(4),
      );
    }
    links.set(key, link);
  }
  return [...links.values()];
}
