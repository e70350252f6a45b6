// The first rows of a waterfall drawn with plain DOM calls, for the moments before React and the
// timeline's code have loaded (src/app/boot-trace-preview.ts): a trace link shows its top spans
// while the app is still starting. The rows look like the timeline's (span-row-geometry.ts: the
// same height, indent, swatch, bar and label), but do nothing: the real timeline replaces them.

import { htmlElement } from '../lib/dom-element';
import { serviceColours } from '../lib/colour-scale';
import { SpanFlag, type Trace } from '../model/types';
import { labelColourOn } from './label-colour';
import { spanDurationLabel } from './span-duration-label';
import {
  badgeBase,
  badgeTones,
  barClass,
  DEFAULT_NAME_COLUMN_PX,
  labelBesideClass,
  labelInsideClass,
  labelPlacement,
  NAME_COLUMN_VAR,
  nameCellIndent,
  pct,
  ROW_HEIGHT_PX,
  rowBase,
  serviceLabelClass,
  serviceNameClass,
  serviceNameText,
  timeCell,
} from './span-row-geometry';
import { barGeometry } from './time-scale';

function setStyles(el: HTMLElement, styles: Record<string, string | number | undefined>): void {
  for (const [property, value] of Object.entries(styles)) {
    if (value === undefined) continue;
    const css = property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    el.style.setProperty(css, typeof value === 'number' ? `${value}px` : value);
  }
}

/**
 * A `treegrid` with the trace's first `maxRows` spans in tree order, every row expanded and the
 * time axis covering the whole trace. Rows carry `data-span-id`, `aria-level` and the name cell
 * "service name" as the timeline's rows do.
 */
export function staticSpanRows(doc: Document, trace: Trace, maxRows: number, label: string): HTMLElement {
  const grid = htmlElement(doc, 'div', 'relative min-h-0 flex-1 overflow-hidden');
  grid.setAttribute('role', 'treegrid');
  grid.setAttribute('aria-label', label);
  grid.setAttribute('aria-readonly', 'true');
  grid.setAttribute('aria-colcount', '2');
  grid.setAttribute('aria-rowcount', String(trace.spans.length));
  grid.style.setProperty(NAME_COLUMN_VAR, `${DEFAULT_NAME_COLUMN_PX}px`);
  const colours = serviceColours(trace.services.map((s) => s.name));
  const view = { startUs: 0, endUs: Math.max(trace.durationUs, 1) };
  const { columns } = trace;
  const count = Math.min(maxRows, trace.spans.length);
  for (let i = 0; i < count; i++) {
    const span = trace.spans[i];
    if (span === undefined) break;
    const depth = columns.depth[i] ?? 0;
    const colour = colours[columns.service[i] ?? 0] ?? '#888';
    const row = htmlElement(doc, 'div', rowBase);
    row.setAttribute('role', 'row');
    row.setAttribute('aria-rowindex', String(i + 1));
    row.setAttribute('aria-level', String(depth + 1));
    if ((columns.childCount[i] ?? 0) > 0) row.setAttribute('aria-expanded', 'true');
    row.dataset.spanId = span.spanId;
    row.style.transform = `translateY(${i * ROW_HEIGHT_PX}px)`;

    // No toggles here (they would do nothing), so every row gets a leaf's indent.
    const indent = nameCellIndent(depth, false);
    const nameCell = htmlElement(doc, 'div', indent.className);
    nameCell.setAttribute('role', 'gridcell');
    setStyles(nameCell, indent.style);
    const name = htmlElement(doc, 'span', `${serviceNameClass} ${serviceNameText}`);
    name.style.setProperty('--svc', colour);
    name.append(htmlElement(doc, 'span', serviceLabelClass, span.serviceName), ` ${span.name}`);
    nameCell.append(name);
    if (((columns.flags[i] ?? 0) & SpanFlag.Error) !== 0) {
      const badge = htmlElement(doc, 'span', `${badgeBase} ${badgeTones.error}`);
      badge.append(htmlElement(doc, 'span', '', '!'), htmlElement(doc, 'span', 'sr-only', 'Error'));
      badge.firstElementChild?.setAttribute('aria-hidden', 'true');
      nameCell.append(badge);
    }

    const time = htmlElement(doc, 'div', timeCell);
    time.setAttribute('role', 'gridcell');
    const geometry = barGeometry(columns.startUs[i] ?? 0, columns.durationUs[i] ?? 0, view);
    if (geometry.inView) {
      const bar = htmlElement(doc, 'div', barClass);
      setStyles(bar, { left: pct(geometry.left), width: `max(${pct(geometry.width)}, 1px)`, backgroundColor: colour });
      time.append(bar);
    }
    const placement = labelPlacement(geometry.left, geometry.width);
    const durationLabel = htmlElement(doc, 'span', placement.side === 'inside' ? labelInsideClass : labelBesideClass, spanDurationLabel(trace, i));
    durationLabel.dataset.barLabel = placement.side;
    setStyles(durationLabel, placement.style);
    if (placement.side === 'inside') durationLabel.style.color = labelColourOn(colour);
    time.append(durationLabel);
    row.append(nameCell, time);
    grid.append(row);
  }
  return grid;
}
