// TraceQL (Grafana Tempo's query language) for the search box: a tokenizer for syntax highlighting,
// a validator that explains the first mistake in words, the caret context for autocomplete, and a
// builder that writes a query from the simple search fields.
//
// The validator is deliberately smaller than Tempo's grammar: it checks what users get wrong when
// typing (braces, quotes, operators, unscoped names, a comparison without a value) and accepts the
// rest, so a query Tempo understands is never blocked here.

export type TraceqlTokenKind =
  | 'brace' // { }
  | 'paren' // ( )
  | 'comma'
  | 'operator'
  | 'string'
  | 'number'
  | 'duration'
  | 'attribute' // span.x, resource.x, .x, parent.x
  | 'intrinsic' // name, status, duration, span:name …
  | 'keyword' // true false nil, status and kind values
  | 'function' // count, avg, by, select …
  | 'identifier' // anything else made of letters (usually a mistake)
  | 'whitespace'
  | 'invalid';

export interface TraceqlToken {
  kind: TraceqlTokenKind;
  text: string;
  from: number;
  to: number;
}

export interface TraceqlProblem {
  message: string;
  from: number;
  to: number;
}

export const TRACEQL_SCOPES = ['resource', 'span', 'event', 'link', 'instrumentation', 'parent'] as const;

/** Intrinsics, with the legacy unscoped spellings Tempo still accepts. */
export const TRACEQL_INTRINSICS: readonly string[] = [
  'name',
  'status',
  'statusMessage',
  'duration',
  'kind',
  'childCount',
  'traceDuration',
  'rootName',
  'rootServiceName',
  'nestedSetLeft',
  'nestedSetRight',
  'nestedSetParent',
  'span:name',
  'span:status',
  'span:statusMessage',
  'span:duration',
  'span:kind',
  'span:id',
  'span:parentID',
  'span:childCount',
  'trace:duration',
  'trace:rootName',
  'trace:rootService',
  'trace:id',
  'event:name',
  'event:timeSinceStart',
  'link:spanID',
  'link:traceID',
  'instrumentation:name',
  'instrumentation:version',
];
const INTRINSIC_SET = new Set(TRACEQL_INTRINSICS);

export const TRACEQL_STATUS_VALUES = ['ok', 'error', 'unset'] as const;
export const TRACEQL_KIND_VALUES = ['server', 'client', 'producer', 'consumer', 'internal', 'unspecified'] as const;
const KEYWORDS = new Set<string>(['true', 'false', 'nil', ...TRACEQL_STATUS_VALUES, ...TRACEQL_KIND_VALUES]);

const FUNCTIONS = new Set([
  'count',
  'avg',
  'min',
  'max',
  'sum',
  'by',
  'select',
  'coalesce',
  'rate',
  'count_over_time',
  'sum_over_time',
  'min_over_time',
  'max_over_time',
  'avg_over_time',
  'quantile_over_time',
  'histogram_over_time',
  'compare',
  'topk',
  'bottomk',
]);

/** Operators Tempo knows, longest first so the tokenizer can match greedily. */
const OPERATORS = [
  '!>>', '!<<', '&>>', '&<<',
  '>>', '<<', '>=', '<=', '!=', '=~', '!~', '&&', '||', '&>', '&<', '&~', '!>', '!<',
  '=', '>', '<', '~', '!', '|', '+', '-', '*', '/', '%', '^',
];
/** Common slips from other languages, with what to write instead. */
const OPERATOR_HINTS: Record<string, string> = {
  '==': '=',
  '===': '=',
  '!==': '!=',
  '<>': '!=',
  '=>': '>=',
  '=<': '<=',
  '&': '&&',
};
const COMPARISON_OPERATORS = new Set(['=', '!=', '>', '>=', '<', '<=', '=~', '!~']);
const SPANSET_OPERATORS = new Set([
  '&&', '||', '>', '>>', '<', '<<', '~', '!>', '!>>', '!<', '!<<', '!~', '&>', '&>>', '&<', '&<<', '&~',
]);
const ARITHMETIC_OPERATORS = new Set(['+', '-', '*', '/', '%', '^']);
const OPERATOR_CHARS = '=!<>&|~+-*/%^';

const DURATION_RE = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const NUMBER_RE = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

function isAttributeStart(text: string, i: number): boolean {
  if (text[i] === '.') return /[A-Za-z_"]/.test(text[i + 1] ?? '');
  return false;
}

/** Characters that end an attribute name (Tempo allows dots, dashes and slashes inside). */
function isAttributeChar(ch: string): boolean {
  return !/[\s{}()=!<>&|~,"+*%^]/.test(ch);
}

function readString(text: string, start: number): { end: number; closed: boolean } {
  const quoteChar = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\' && quoteChar === '"') {
      i += 2;
      continue;
    }
    if (text[i] === quoteChar) return { end: i + 1, closed: true };
    i += 1;
  }
  return { end: text.length, closed: false };
}

/** Reads an attribute name from `start` (after the scope or the leading dot). Handles `."quoted name"`. */
function readAttributeName(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    if (text[i] === '"') {
      const quoted = readString(text, i);
      i = quoted.end;
      continue;
    }
    if (!isAttributeChar(text[i] as string)) break;
    i += 1;
  }
  return i;
}

/** Splits a query into tokens. Never throws; unknown characters become `invalid` tokens. */
export function tokenizeTraceql(text: string): TraceqlToken[] {
  const tokens: TraceqlToken[] = [];
  let i = 0;
  const push = (kind: TraceqlTokenKind, from: number, to: number) => tokens.push({ kind, text: text.slice(from, to), from, to });
  while (i < text.length) {
    const ch = text[i] as string;
    const start = i;
    if (/\s/.test(ch)) {
      while (i < text.length && /\s/.test(text[i] as string)) i += 1;
      push('whitespace', start, i);
    } else if (ch === '{' || ch === '}') {
      push('brace', i, i + 1);
      i += 1;
    } else if (ch === '(' || ch === ')') {
      push('paren', i, i + 1);
      i += 1;
    } else if (ch === ',') {
      push('comma', i, i + 1);
      i += 1;
    } else if (ch === '"' || ch === '`') {
      const read = readString(text, i);
      i = read.end;
      push(read.closed ? 'string' : 'invalid', start, i);
    } else if (isAttributeStart(text, i)) {
      i = readAttributeName(text, i + 1);
      push('attribute', start, i);
    } else if (/\d/.test(ch) || (ch === '-' && /\d/.test(text[i + 1] ?? '') && previousIsOperand(tokens) === false)) {
      i += 1;
      while (i < text.length && /[\w.µ]/.test(text[i] as string)) i += 1;
      const word = text.slice(start, i);
      push(DURATION_RE.test(word.replace(/^-/, '')) ? 'duration' : NUMBER_RE.test(word) ? 'number' : 'invalid', start, i);
    } else if (/[A-Za-z_]/.test(ch)) {
      while (i < text.length && /[\w:]/.test(text[i] as string)) i += 1;
      const word = text.slice(start, i);
      if (text[i] === '.' && (TRACEQL_SCOPES as readonly string[]).includes(word)) {
        i = readAttributeName(text, i + 1);
        push('attribute', start, i);
      } else if (INTRINSIC_SET.has(word)) {
        push('intrinsic', start, i);
      } else if (KEYWORDS.has(word)) {
        push('keyword', start, i);
      } else if (FUNCTIONS.has(word) || word === 'with') {
        push('function', start, i);
      } else {
        push('identifier', start, i);
      }
    } else if (OPERATOR_CHARS.includes(ch)) {
      while (i < text.length && OPERATOR_CHARS.includes(text[i] as string)) i += 1;
      let run = text.slice(start, i);
      if (OPERATOR_HINTS[run] !== undefined || OPERATORS.includes(run)) {
        push(OPERATORS.includes(run) ? 'operator' : 'invalid', start, i);
        continue;
      }
      // Split a run such as `>-` or `&&!` into known operators, longest first.
      let at = start;
      while (run.length > 0) {
        const op = OPERATORS.find((candidate) => run.startsWith(candidate));
        if (!op) {
          push('invalid', at, at + run.length);
          break;
        }
        // A trailing '-' directly before a digit is the sign of a number, not an operator.
        if (op === '-' && run.length === 1 && /\d/.test(text[at + 1] ?? '') && !previousIsOperand(tokens)) {
          i = at;
          break;
        }
        push('operator', at, at + op.length);
        at += op.length;
        run = run.slice(op.length);
      }
    } else {
      i += 1;
      push('invalid', start, i);
    }
  }
  return tokens;
}

/** True when the last significant token ends an operand (so a following '-' is subtraction). */
function previousIsOperand(tokens: readonly TraceqlToken[]): boolean {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const token = tokens[k] as TraceqlToken;
    if (token.kind === 'whitespace') continue;
    return ['attribute', 'intrinsic', 'number', 'duration', 'string', 'keyword'].includes(token.kind) || token.text === ')';
  }
  return false;
}

class TraceqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly to: number,
  ) {
    super(message);
  }
}

/** Recursive-descent check of the parts of TraceQL a search box needs. */
class Validator {
  private pos = 0;
  constructor(
    private readonly tokens: TraceqlToken[],
    private readonly textLength: number,
  ) {}

  private peek(offset = 0): TraceqlToken | undefined {
    return this.tokens[this.pos + offset];
  }

  private next(): TraceqlToken | undefined {
    const token = this.tokens[this.pos];
    this.pos += 1;
    return token;
  }

  private fail(message: string, token?: TraceqlToken): never {
    if (token) throw new TraceqlSyntaxError(message, token.from, token.to);
    throw new TraceqlSyntaxError(message, this.textLength, this.textLength);
  }

  private expect(text: string, message: string): TraceqlToken {
    const token = this.peek();
    if (!token || token.text !== text) this.fail(message, token);
    this.pos += 1;
    return token;
  }

  query(): void {
    if (this.tokens.length === 0) this.fail('Write a query such as { resource.service.name = "frontend" }.');
    this.spansetExpression();
    while (this.peek()?.text === '|') {
      this.next();
      this.pipelineStage();
    }
    if (this.peek()?.text === 'with') this.hints();
    const extra = this.peek();
    if (extra) this.unexpected(extra, 'the end of the query');
  }

  private unexpected(token: TraceqlToken, expected: string): never {
    if (token.kind === 'invalid') this.invalid(token);
    if (token.text === '}') this.fail('This "}" has no matching "{".', token);
    if (token.text === ')') this.fail('This ")" has no matching "(".', token);
    this.fail(`Expected ${expected} but found "${token.text}".`, token);
  }

  private invalid(token: TraceqlToken): never {
    const hint = OPERATOR_HINTS[token.text];
    if (hint) this.fail(`Unknown operator "${token.text}": write "${hint}".`, token);
    if (token.text.startsWith('"') || token.text.startsWith('`')) {
      this.fail(`This string has no closing ${token.text[0]}.`, token);
    }
    if (/^[-\d]/.test(token.text)) {
      this.fail(`"${token.text}" is neither a number nor a duration (use ns, us, ms, s, m or h).`, token);
    }
    if (OPERATOR_CHARS.includes(token.text[0] as string)) this.fail(`Unknown operator "${token.text}".`, token);
    this.fail(`Unexpected character "${token.text}".`, token);
  }

  private spansetExpression(): void {
    this.spansetTerm();
    for (;;) {
      const token = this.peek();
      if (!token || token.kind !== 'operator' || !SPANSET_OPERATORS.has(token.text)) return;
      this.next();
      this.spansetTerm();
    }
  }

  private spansetTerm(): void {
    const token = this.peek();
    if (!token) this.fail('Expected "{" to start a span filter, e.g. { status = error }.');
    if (token.text === '{') {
      this.next();
      if (this.peek()?.text !== '}') this.fieldExpression('}');
      const close = this.peek();
      if (!close) this.fail(`Missing "}" to close the "{" at column ${token.from + 1}.`);
      if (close.text !== '}') this.unexpected(close, '"&&", "||" or "}"');
      this.next();
      return;
    }
    if (token.text === '(') {
      this.next();
      this.spansetExpression();
      const close = this.peek();
      if (!close) this.fail(`Missing ")" to close the "(" at column ${token.from + 1}.`);
      if (close.text !== ')') this.unexpected(close, '")"');
      this.next();
      return;
    }
    if (token.kind === 'invalid') this.invalid(token);
    if (token.kind === 'attribute' || token.kind === 'intrinsic' || token.kind === 'identifier') {
      this.fail('Put conditions inside braces, e.g. { ' + token.text + ' = … }.', token);
    }
    this.unexpected(token, '"{"');
  }

  private fieldExpression(closer: string): void {
    this.fieldAnd(closer);
    while (this.peek()?.text === '||') {
      this.next();
      this.fieldAnd(closer);
    }
  }

  private fieldAnd(closer: string): void {
    this.fieldUnary(closer);
    while (this.peek()?.text === '&&') {
      this.next();
      this.fieldUnary(closer);
    }
  }

  private fieldUnary(closer: string): void {
    const token = this.peek();
    if (token?.text === '!') {
      this.next();
      this.fieldUnary(closer);
      return;
    }
    if (token?.text === '(') {
      this.next();
      this.fieldExpression(')');
      const close = this.peek();
      if (!close) this.fail(`Missing ")" to close the "(" at column ${token.from + 1}.`);
      if (close.text !== ')') this.unexpected(close, '")"');
      this.next();
      // `(a + b) > 3` — a parenthesised arithmetic operand may still be compared.
      this.comparisonTail(closer);
      return;
    }
    this.comparison(closer);
  }

  private comparison(closer: string): void {
    const left = this.operand(closer);
    const op = this.peek();
    if (!op || op.text === closer || op.text === '&&' || op.text === '||') {
      // A lone boolean attribute or literal (`{ span.cache_hit }`, `{ true }`) is valid TraceQL.
      if (left.kind === 'intrinsic' && left.text !== 'name') {
        this.fail(`Compare ${left.text} with a value, e.g. ${exampleFor(left.text)}.`, left);
      }
      return;
    }
    this.comparisonTail(closer);
  }

  private comparisonTail(closer: string): void {
    const op = this.peek();
    if (!op || op.text === closer || op.text === '&&' || op.text === '||') return;
    if (op.kind === 'invalid') this.invalid(op);
    if (op.kind !== 'operator' || !COMPARISON_OPERATORS.has(op.text)) {
      this.unexpected(op, 'a comparison such as =, !=, >, <, =~');
    }
    this.next();
    const right = this.peek();
    if (!right || right.text === closer || right.text === '&&' || right.text === '||') {
      this.fail(`"${op.text}" needs a value after it.`, op);
    }
    this.operand(closer);
  }

  private operand(closer: string): TraceqlToken {
    const first = this.atom(closer);
    for (;;) {
      const op = this.peek();
      if (!op || op.kind !== 'operator' || !ARITHMETIC_OPERATORS.has(op.text)) return first;
      this.next();
      this.atom(closer);
    }
  }

  private atom(closer: string): TraceqlToken {
    const token = this.peek();
    if (!token || token.text === closer) this.fail('Expected an attribute or a value here.', token);
    switch (token.kind) {
      case 'attribute':
      case 'intrinsic':
      case 'string':
      case 'number':
      case 'duration':
      case 'keyword':
        this.next();
        return token;
      case 'identifier':
        this.fail(
          `Unknown name "${token.text}": write span.${token.text}, resource.${token.text} or .${token.text} for an attribute.`,
          token,
        );
        break;
      case 'invalid':
        this.invalid(token);
        break;
      case 'paren':
        if (token.text === '(') {
          this.next();
          const inner = this.operand(')');
          this.expect(')', 'Missing ")".');
          return inner;
        }
        break;
      default:
        break;
    }
    this.unexpected(token, 'an attribute or a value');
  }

  private pipelineStage(): void {
    const token = this.peek();
    if (!token) this.fail('Expected a filter or a function after "|".');
    if (token.text === '{' || token.text === '(') {
      this.spansetExpression();
      return;
    }
    if (token.kind !== 'function') {
      if (token.kind === 'identifier') this.fail(`Unknown function "${token.text}".`, token);
      this.unexpected(token, 'a filter or a function such as count() or by(…)');
    }
    this.next();
    const open = this.expect('(', `"${token.text}" needs parentheses, e.g. ${token.text}().`);
    if (this.peek()?.text !== ')') {
      this.operand(')');
      while (this.peek()?.text === ',') {
        this.next();
        this.operand(')');
      }
    }
    if (this.peek()?.text !== ')') {
      const t = this.peek();
      if (!t) this.fail(`Missing ")" to close the "(" at column ${open.from + 1}.`);
      this.unexpected(t, '")"');
    }
    this.next();
    const op = this.peek();
    if (op && op.kind === 'operator' && COMPARISON_OPERATORS.has(op.text)) {
      this.next();
      this.operand('|');
    }
  }

  private hints(): void {
    this.next();
    this.expect('(', 'Write hints as with (most_recent=true).');
    while (this.peek() && this.peek()?.text !== ')') this.next();
    this.expect(')', 'Missing ")" after the hints.');
  }
}

function exampleFor(intrinsic: string): string {
  if (intrinsic.endsWith('status')) return `${intrinsic} = error`;
  if (intrinsic.endsWith('kind')) return `${intrinsic} = server`;
  if (intrinsic.toLowerCase().includes('duration')) return `${intrinsic} > 500ms`;
  return `${intrinsic} = "…"`;
}

/** null when the query looks valid, otherwise the first problem with its position. */
export function validateTraceql(text: string): TraceqlProblem | null {
  const tokens = tokenizeTraceql(text).filter((t) => t.kind !== 'whitespace');
  // Unbalanced braces and quotes are the commonest slips: report them with the opening position.
  const stack: TraceqlToken[] = [];
  for (const token of tokens) {
    if (token.kind === 'invalid' && (token.text.startsWith('"') || token.text.startsWith('`'))) {
      return { message: `This string has no closing ${token.text[0]}.`, from: token.from, to: token.to };
    }
    if (token.text === '{' || token.text === '(') stack.push(token);
    if (token.text === '}' || token.text === ')') {
      const open = stack.pop();
      const wanted = token.text === '}' ? '{' : '(';
      if (!open) return { message: `This "${token.text}" has no matching "${wanted}".`, from: token.from, to: token.to };
      if (open.text !== wanted) {
        const close = open.text === '{' ? '}' : ')';
        return {
          message: `Expected "${close}" to close the "${open.text}" at column ${open.from + 1}, found "${token.text}".`,
          from: token.from,
          to: token.to,
        };
      }
    }
  }
  const unclosed = stack.pop();
  if (unclosed) {
    const close = unclosed.text === '{' ? '}' : ')';
    return { message: `Missing "${close}" to close the "${unclosed.text}" at column ${unclosed.from + 1}.`, from: unclosed.from, to: unclosed.to };
  }
  try {
    new Validator(tokens, text.length).query();
    return null;
  } catch (error) {
    if (error instanceof TraceqlSyntaxError) return { message: error.message, from: error.from, to: error.to };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Autocomplete context

export type TraceqlCaretContext =
  | { kind: 'attribute'; prefix: string; from: number; to: number }
  | { kind: 'value'; attribute: string; prefix: string; from: number; to: number; quoted: boolean }
  | { kind: 'none' };

/** What the caret is on: an attribute name being typed, a value after a comparison, or neither. */
export function traceqlCaretContext(text: string, caret: number): TraceqlCaretContext {
  const tokens = tokenizeTraceql(text);
  let depth = 0;
  let current: TraceqlToken | undefined;
  const before: TraceqlToken[] = [];
  for (const token of tokens) {
    if (token.from >= caret) break;
    if (token.to >= caret && token.kind !== 'whitespace' && token.kind !== 'brace' && token.kind !== 'paren' && token.kind !== 'comma') {
      current = token;
      break;
    }
    if (token.text === '{') depth += 1;
    if (token.text === '}') depth -= 1;
    if (token.kind !== 'whitespace') before.push(token);
  }
  if (depth <= 0) return { kind: 'none' };
  const previous = before[before.length - 1];
  const beforePrevious = before[before.length - 2];
  const isValuePosition =
    previous?.kind === 'operator' &&
    COMPARISON_OPERATORS.has(previous.text) &&
    (beforePrevious?.kind === 'attribute' || beforePrevious?.kind === 'intrinsic');
  if (isValuePosition && beforePrevious) {
    if (current && current.kind !== 'operator') {
      const quoted = current.text.startsWith('"');
      return {
        kind: 'value',
        attribute: beforePrevious.text,
        prefix: text.slice(current.from, caret).replace(/^"/, ''),
        from: current.from,
        to: current.to,
        quoted,
      };
    }
    return { kind: 'value', attribute: beforePrevious.text, prefix: '', from: caret, to: caret, quoted: false };
  }
  const isNamePosition =
    !previous || previous.text === '{' || previous.text === '(' || previous.text === '&&' || previous.text === '||' || previous.text === '!';
  if (current && ['attribute', 'intrinsic', 'identifier', 'keyword', 'function'].includes(current.kind) && isNamePosition) {
    return { kind: 'attribute', prefix: text.slice(current.from, caret), from: current.from, to: current.to };
  }
  if (!current && isNamePosition) return { kind: 'attribute', prefix: '', from: caret, to: caret };
  return { kind: 'none' };
}

// ---------------------------------------------------------------------------------------------
// Values and the query builder

/** Attribute names as Tempo's tag API reports them, turned into TraceQL identifiers. */
export function scopedAttributeName(scope: string, name: string): string {
  if (scope === 'intrinsic') return name;
  const safe = /^[\w.\-/]+$/.test(name) ? name : `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return scope === '' ? `.${safe}` : `${scope}.${safe}`;
}

export function quoteTraceqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export type TraceqlValueType = 'string' | 'int' | 'float' | 'bool' | 'duration' | 'keyword';

/**
 * A value as a TraceQL literal: strings quoted; numbers, booleans, durations and status/kind
 * keywords bare. `type` comes from Tempo's v2 tag-values API when known; otherwise it is guessed.
 */
export function traceqlLiteral(value: string, type?: TraceqlValueType, attribute?: string): string {
  if (type === 'string') return quoteTraceqlString(value);
  if (type) return value;
  if (NUMBER_RE.test(value) || value === 'true' || value === 'false' || DURATION_RE.test(value)) return value;
  const intrinsic = attribute?.replace(/^span:/, '');
  if (intrinsic === 'status' && (TRACEQL_STATUS_VALUES as readonly string[]).includes(value)) return value;
  if (intrinsic === 'kind' && (TRACEQL_KIND_VALUES as readonly string[]).includes(value)) return value;
  return quoteTraceqlString(value);
}

const UNIT_US: [string, number][] = [
  ['h', 3_600_000_000],
  ['m', 60_000_000],
  ['s', 1_000_000],
  ['ms', 1_000],
  ['us', 1],
];

/** A duration in µs as a TraceQL/Go literal: `1s`, `1.2s`, `300ms`, `50us`. */
export function formatTraceqlDuration(durationUs: number): string {
  for (const [unit, size] of UNIT_US) {
    const value = durationUs / size;
    // Use the largest unit that shows the value with at most three decimals.
    if (value >= 1 && Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6) {
      return `${Number(value.toFixed(3))}${unit}`;
    }
  }
  if (durationUs > 0 && durationUs < 1) return `${Math.round(durationUs * 1000)}ns`;
  return `${Math.round(durationUs)}us`;
}

export interface TraceqlBuilderFields {
  service?: string;
  operation?: string;
  tags?: readonly { key: string; value: string }[];
  minDurationUs?: number;
  maxDurationUs?: number;
  errorsOnly?: boolean;
}

function tagKeyToTraceql(key: string): string {
  if (INTRINSIC_SET.has(key) || key.startsWith('.') || key.includes(':')) return key;
  const scope = key.split('.')[0] ?? '';
  if ((TRACEQL_SCOPES as readonly string[]).includes(scope) && key.length > scope.length + 1) return key;
  return scopedAttributeName('', key);
}

/**
 * Writes one span filter from the simple search fields, e.g.
 * `{ resource.service.name = "frontend" && name = "GET /cart" && .http.status_code = 500 && duration > 1s }`.
 * Jaeger's `error=true` tag becomes `status = error`, the OpenTelemetry way of saying it.
 */
export function buildTraceql(fields: TraceqlBuilderFields): string {
  const conditions: string[] = [];
  if (fields.service) conditions.push(`resource.service.name = ${quoteTraceqlString(fields.service)}`);
  if (fields.operation) conditions.push(`name = ${quoteTraceqlString(fields.operation)}`);
  let errorCondition = fields.errorsOnly === true;
  for (const { key, value } of fields.tags ?? []) {
    if (key === 'error' && value === 'true') {
      errorCondition = true;
      continue;
    }
    const name = tagKeyToTraceql(key);
    conditions.push(`${name} = ${traceqlLiteral(value, undefined, name)}`);
  }
  if (errorCondition) conditions.push('status = error');
  if (fields.minDurationUs !== undefined && fields.minDurationUs > 0) {
    conditions.push(`duration > ${formatTraceqlDuration(fields.minDurationUs)}`);
  }
  if (fields.maxDurationUs !== undefined && fields.maxDurationUs > 0) {
    conditions.push(`duration < ${formatTraceqlDuration(fields.maxDurationUs)}`);
  }
  return conditions.length === 0 ? '{}' : `{ ${conditions.join(' && ')} }`;
}
