// The comparison summary in words: how much longer or shorter B took, which operations' self time
// explains it, how the errors and the critical path changed. Sentences are lists of parts so the
// view can turn node references into buttons that open the node.

import { countOf, formatCount } from '../lib/count-format';
import { formatDurationUs } from '../lib/duration-format';
import type { DiffContributor, DiffNode, TraceDiff } from '../model/trace-diff';
import { formatCountDelta, formatDeltaPercent, formatDeltaUs } from './delta-format';

export type SentencePart = { kind: 'text'; text: string } | { kind: 'node'; nodeId: number; label: string };

export interface SummarySentence {
  /** Stable key (also tells tests which sentence is which). */
  key: string;
  parts: SentencePart[];
}

const text = (t: string): SentencePart => ({ kind: 'text', text: t });

export function nodeLabel(node: Pick<DiffNode, 'serviceName' | 'name'>): string {
  return `${node.serviceName} ${node.name}`;
}

function nodePart(diff: TraceDiff, nodeId: number): SentencePart {
  return { kind: 'node', nodeId, label: nodeLabel(diff.nodes[nodeId]!) };
}


/** "B took 1.5 s, 500 ms longer than A (1 s): +500 ms (+50 %)." */
export function headlineSentence(diff: TraceDiff): SummarySentence {
  const { durationAUs, durationBUs, deltaUs, thresholdUs } = diff.summary;
  const percent = formatDeltaPercent(deltaUs, durationAUs);
  const numbers = `${formatDeltaUs(deltaUs)}${percent ? ` (${percent})` : ''}`;
  const b = formatDurationUs(durationBUs);
  const a = formatDurationUs(durationAUs);
  let words: string;
  if (Math.abs(deltaUs) < thresholdUs) words = `B took ${b}, about as long as A (${a}): ${numbers}.`;
  else if (deltaUs > 0) words = `B took ${b}, ${formatDurationUs(deltaUs)} longer than A (${a}): ${numbers}.`;
  else words = `B took ${b}, ${formatDurationUs(-deltaUs)} less than A (${a}): ${numbers}.`;
  return { key: 'headline', parts: [text(words)] };
}

/**
 * When the root span changed differently from the whole trace (work that outlives the root span,
 * or extra roots), say so: users usually mean the root span by "the request".
 */
export function rootSentence(diff: TraceDiff): SummarySentence | null {
  const { rootNodeIdA, rootNodeIdB, rootDurationAUs, rootDurationBUs, deltaUs, thresholdUs } = diff.summary;
  if (rootNodeIdA < 0 || rootNodeIdA !== rootNodeIdB) return null;
  const rootDeltaUs = rootDurationBUs - rootDurationAUs;
  if (Math.abs(rootDeltaUs - deltaUs) < thresholdUs) return null;
  return {
    key: 'root',
    parts: [
      text('The root span '),
      nodePart(diff, rootNodeIdA),
      text(
        ` took ${formatDurationUs(rootDurationAUs)} in A and ${formatDurationUs(rootDurationBUs)} in B (${formatDeltaUs(rootDeltaUs)}); ` +
          'the rest of the difference is in spans outside it (work that continues after the root span ends, or other root spans).',
      ),
    ],
  };
}

/** "(200 ms → 840 ms)", "(200 ms → 840 ms, 1 → 2 spans)", "(only in B)". */
function changeNote(node: DiffNode, c: DiffContributor): string {
  if (node.status === 'added') return ' (only in B)';
  if (node.status === 'removed') return ' (only in A)';
  const counts = node.a.count !== node.b.count ? `, ${node.a.count} → ${node.b.count} spans` : '';
  return ` (${formatDurationUs(c.aUs)} → ${formatDurationUs(c.bUs)}${counts})`;
}

/** "+640 ms of +820 ms is self time in `payments /charge`", one per contributor. */
export function selfTimeSentences(diff: TraceDiff): SummarySentence[] {
  const { deltaUs, thresholdUs, selfTimeContributors } = diff.summary;
  const significant = Math.abs(deltaUs) >= thresholdUs;
  if (selfTimeContributors.length === 0) {
    return [
      {
        key: 'self-none',
        parts: [text(`No operation's self time changed by ${formatDurationUs(thresholdUs)} or more.`)],
      },
    ];
  }
  return selfTimeContributors.map((c: DiffContributor) => {
    const node = diff.nodes[c.nodeId]!;
    const lead = significant ? `${formatDeltaUs(c.deltaUs)} of ${formatDeltaUs(deltaUs)} is self time in ` : `${formatDeltaUs(c.deltaUs)} self time in `;
    return {
      key: `self-${c.nodeId}`,
      parts: [
        text(lead),
        nodePart(diff, c.nodeId),
        text(`${changeNote(node, c)}.`),
      ],
    };
  });
}

/** "Errors: 0 in A, 2 in B (+2); in `payments /charge` 0 → 2." */
export function errorSentence(diff: TraceDiff): SummarySentence {
  const { errorCountA, errorCountB, errorChanges } = diff.summary;
  if (errorCountA === 0 && errorCountB === 0) return { key: 'errors', parts: [text('No errors in either trace.')] };
  const parts: SentencePart[] = [
    text(`Errors: ${errorCountA} in A, ${errorCountB} in B (${formatCountDelta(errorCountB - errorCountA)})`),
  ];
  errorChanges.forEach((c, k) => {
    parts.push(text(k === 0 ? '; in ' : ', in '));
    parts.push(nodePart(diff, c.nodeId));
    parts.push(text(` ${c.aUs} → ${c.bUs}`));
  });
  parts.push(text('.'));
  return { key: 'errors', parts };
}

/** "Critical path: `db SELECT` 300 ms → 800 ms (+500 ms)." */
export function criticalPathSentence(diff: TraceDiff): SummarySentence {
  const { criticalPathChanges, thresholdUs } = diff.summary;
  if (criticalPathChanges.length === 0) {
    return {
      key: 'critical',
      parts: [text(`Critical path: no operation's time on it changed by ${formatDurationUs(thresholdUs)} or more.`)],
    };
  }
  const parts: SentencePart[] = [text('Critical path: ')];
  criticalPathChanges.forEach((c, k) => {
    if (k > 0) parts.push(text('; '));
    parts.push(nodePart(diff, c.nodeId));
    parts.push(text(` ${formatDurationUs(c.aUs)} → ${formatDurationUs(c.bUs)} (${formatDeltaUs(c.deltaUs)})`));
  });
  parts.push(text('.'));
  return { key: 'critical', parts };
}

/** "Structure: 3 operations only in B, 1 only in A; 2 with a different span count." */
export function structureSentence(diff: TraceDiff): SummarySentence {
  const { addedNodeCount, removedNodeCount } = diff.summary;
  let countChanged = 0;
  for (const n of diff.nodes) if (n.status === 'matched' && n.a.count !== n.b.count) countChanged++;
  if (addedNodeCount === 0 && removedNodeCount === 0 && countChanged === 0) {
    return { key: 'structure', parts: [text('Structure: the same operations with the same span counts in both traces.')] };
  }
  const pieces: string[] = [];
  if (addedNodeCount > 0) pieces.push(`${countOf(addedNodeCount, 'operation')} only in B`);
  if (removedNodeCount > 0) {
    pieces.push(pieces.length > 0 ? `${formatCount(removedNodeCount)} only in A` : `${countOf(removedNodeCount, 'operation')} only in A`);
  }
  if (countChanged > 0) pieces.push(`${countOf(countChanged, 'operation')} with a different span count`);
  return { key: 'structure', parts: [text(`Structure: ${pieces.join('; ')}.`)] };
}

export function summarySentences(diff: TraceDiff): SummarySentence[] {
  const root = rootSentence(diff);
  return [headlineSentence(diff), ...(root ? [root] : []), ...selfTimeSentences(diff), errorSentence(diff), criticalPathSentence(diff), structureSentence(diff)];
}

/** A sentence as plain text (for tests and titles). */
export function sentenceText(sentence: SummarySentence): string {
  return sentence.parts.map((p) => (p.kind === 'text' ? p.text : p.label)).join('');
}
