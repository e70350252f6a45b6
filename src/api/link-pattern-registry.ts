// config.json's link patterns, read once at start (untrusted: bad entries are dropped with a warning).
import { readLinkPatterns, type LinkPattern } from '../lib/link-patterns';

let patterns: readonly LinkPattern[] = [];

export function registerLinkPatterns(raw: unknown): void {
  patterns = readLinkPatterns(raw);
}

export function getLinkPatterns(): readonly LinkPattern[] {
  return patterns;
}
