// logfmt tags as typed in a search box: `http.status_code=500 error=true msg="disk full"`.
// Jaeger UI and Tempo's `tags` parameter both use this syntax. We parse leniently enough for
// typing (errors carry offsets so the form can point at them) and format canonically, so a
// parse → format round trip gives the same pairs back.

export interface LogfmtPair {
  key: string;
  value: string;
}

export interface LogfmtProblem {
  message: string;
  /** Character offset in the input where the problem starts. */
  offset: number;
}

export interface LogfmtParseResult {
  pairs: LogfmtPair[];
  /** Syntax problems; the pairs that could be read are still returned. */
  errors: LogfmtProblem[];
  /** Keys that occur more than once (Tempo rejects them, Jaeger keeps only the last). */
  duplicateKeys: string[];
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Reads a `"…"` string starting at `start` (the opening quote). */
function readQuoted(text: string, start: number): { value: string; end: number; closed: boolean } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      // Unknown escapes keep the backslash: users paste Windows paths and regexes.
      value += ESCAPES[next] ?? `\\${next}`;
      i += 2;
      continue;
    }
    if (ch === '"') return { value, end: i + 1, closed: true };
    value += ch;
    i += 1;
  }
  return { value, end: i, closed: false };
}

/** Reads an unquoted word up to whitespace (and up to `=` when reading a key). */
function readBare(text: string, start: number, stopAtEquals: boolean): { value: string; end: number } {
  let i = start;
  while (i < text.length && !isSpace(text[i]) && !(stopAtEquals && text[i] === '=')) i += 1;
  return { value: text.slice(start, i), end: i };
}

export function parseLogfmt(text: string): LogfmtParseResult {
  const pairs: LogfmtPair[] = [];
  const errors: LogfmtProblem[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i += 1;
      continue;
    }
    const keyStart = i;
    let key: string;
    if (text[i] === '"') {
      const quoted = readQuoted(text, i);
      if (!quoted.closed) {
        errors.push({ message: 'A quoted tag name is missing its closing quote (").', offset: keyStart });
        break;
      }
      key = quoted.value;
      i = quoted.end;
    } else {
      const bare = readBare(text, i, true);
      key = bare.value;
      i = bare.end;
    }
    if (key === '') {
      errors.push({ message: 'A tag needs a name before "=", e.g. error=true.', offset: keyStart });
    }
    if (text[i] !== '=') {
      // A bare key means "true", as in logfmt and Jaeger UI (`error` = `error=true`).
      if (key !== '') pairs.push({ key, value: 'true' });
      if (i < text.length && !isSpace(text[i])) {
        errors.push({ message: `Put a space or "=" after the tag name "${key}".`, offset: i });
        i = readBare(text, i, false).end;
      }
      continue;
    }
    i += 1; // '='
    let value: string;
    if (text[i] === '"') {
      const quoted = readQuoted(text, i);
      if (!quoted.closed) {
        errors.push({ message: `The value of "${key}" is missing its closing quote (").`, offset: i });
      }
      value = quoted.value;
      i = quoted.end;
      if (quoted.closed && i < text.length && !isSpace(text[i])) {
        errors.push({ message: `Put a space after the quoted value of "${key}".`, offset: i });
        i = readBare(text, i, false).end;
      }
    } else {
      const bare = readBare(text, i, false);
      value = bare.value;
      i = bare.end;
      if (value.includes('"')) {
        errors.push({ message: `Quote the whole value of "${key}", e.g. ${key}="a b".`, offset: i - value.length });
      }
    }
    if (key !== '') pairs.push({ key, value });
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const pair of pairs) {
    if (seen.has(pair.key)) duplicates.add(pair.key);
    seen.add(pair.key);
  }
  return { pairs, errors, duplicateKeys: [...duplicates] };
}

function needsQuotes(text: string): boolean {
  return text === '' || /[\s"=\\]/.test(text);
}

function quote(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r');
  return `"${escaped}"`;
}

/** A value as it must be written in logfmt: bare when safe, otherwise quoted and escaped. */
export function formatLogfmtValue(value: string): string {
  return needsQuotes(value) ? quote(value) : value;
}

export function formatLogfmt(pairs: readonly LogfmtPair[]): string {
  return pairs.map((p) => `${needsQuotes(p.key) ? quote(p.key) : p.key}=${formatLogfmtValue(p.value)}`).join(' ');
}

/** Pairs → a map; later duplicates win, as in Jaeger's `tags` JSON. */
export function logfmtPairsToRecord(pairs: readonly LogfmtPair[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const pair of pairs) record[pair.key] = pair.value;
  return record;
}

/** Where the caret is inside logfmt text, for key/value autocomplete. */
export interface LogfmtCaretContext {
  part: 'key' | 'value';
  /** The key of the pair being edited (the partial key when part = 'key'). */
  key: string;
  /** What is typed so far in this part (unquoted). */
  prefix: string;
  /** Range of the text to replace when a suggestion is picked. */
  from: number;
  to: number;
}

/** Finds the key or value under the caret. Used to offer tag names before `=` and values after. */
export function logfmtCaretContext(text: string, caret: number): LogfmtCaretContext {
  // Walk from the start so quoted values containing spaces are handled.
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text[i])) i += 1;
    if (i > caret) break;
    const keyStart = i;
    const bare = text[i] === '"' ? readQuoted(text, i) : { ...readBare(text, i, true), closed: true };
    const keyEnd = bare.end;
    const key = bare.value;
    if (caret <= keyEnd && caret >= keyStart) {
      return { part: 'key', key, prefix: text.slice(keyStart, caret).replace(/^"/, ''), from: keyStart, to: keyEnd };
    }
    i = keyEnd;
    if (text[i] !== '=') {
      if (caret <= i) return { part: 'key', key, prefix: key, from: keyStart, to: keyEnd };
      continue;
    }
    const valueStart = i + 1;
    const value = text[valueStart] === '"' ? readQuoted(text, valueStart) : { ...readBare(text, valueStart, false), closed: true };
    if (caret >= valueStart && caret <= value.end) {
      const typed = text.slice(valueStart, caret).replace(/^"/, '');
      return { part: 'value', key, prefix: typed, from: valueStart, to: value.end };
    }
    i = value.end;
  }
  return { part: 'key', key: '', prefix: '', from: caret, to: caret };
}
