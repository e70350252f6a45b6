import type { Attribute, AttrValue } from '../../model/types';
import { asArray, asText, isObject } from './json-guards';

// Attribute values of every wire format → AttrValue. 64-bit integers beyond 2^53 stay decimal
// strings; nesting is capped so hostile input cannot overflow the stack.

const MAX_DEPTH = 32;
const TOO_DEEP = '[nested too deep]';

/** An int64 given as a string or number: a number when exactly representable, else the text. */
export function readInt64(value: unknown): AttrValue {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return jsonToAttrValue(value);
  const n = Number(value);
  if (value.trim() !== '' && Number.isSafeInteger(n)) return n;
  return value;
}

/** A double given as a number or a proto3-JSON string ("NaN", "Infinity", "-Infinity", "1.5"). */
export function readDouble(value: unknown): AttrValue {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const n = Number(value);
    return Number.isNaN(n) && value !== 'NaN' ? value : n;
  }
  return jsonToAttrValue(value);
}

/** Copies any JSON value into an AttrValue (objects and arrays are copied, never shared). */
export function jsonToAttrValue(value: unknown, depth = 0): AttrValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object': {
      if (depth >= MAX_DEPTH) return TOO_DEEP;
      if (Array.isArray(value)) return value.map((v) => jsonToAttrValue(v, depth + 1));
      const out: Record<string, AttrValue> = {};
      for (const key of Object.keys(value)) out[key] = jsonToAttrValue((value as Record<string, unknown>)[key], depth + 1);
      return out;
    }
    default:
      return null;
  }
}

/** OTLP AnyValue (camelCase or snake_case variant keys) → AttrValue; `{}` → null. */
export function otlpAnyValue(value: unknown, depth = 0): AttrValue {
  if (!isObject(value)) return value === undefined ? null : jsonToAttrValue(value, depth);
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  // An AnyValue holds one variant key: enumerate keys once instead of probing all fourteen spellings.
  for (const key in value) {
    const v = value[key];
    if (v === undefined) continue;
    switch (key) {
      case 'stringValue':
      case 'string_value':
        return typeof v === 'string' ? v : jsonToAttrValue(v, depth);
      case 'boolValue':
      case 'bool_value':
        return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : jsonToAttrValue(v, depth);
      case 'intValue':
      case 'int_value':
        return readInt64(v);
      case 'doubleValue':
      case 'double_value':
        return readDouble(v);
      case 'arrayValue':
      case 'array_value':
        return isObject(v) ? asArray(v.values).map((item) => otlpAnyValue(item, depth + 1)) : jsonToAttrValue(v, depth);
      case 'kvlistValue':
      case 'kvlist_value': {
        if (!isObject(v)) return jsonToAttrValue(v, depth);
        const out: Record<string, AttrValue> = {};
        for (const kv of asArray(v.values)) {
          if (isObject(kv)) out[asText(kv.key)] = otlpAnyValue(kv.value, depth + 1);
        }
        return out;
      }
      case 'bytesValue':
      case 'bytes_value':
        return typeof v === 'string' ? v : jsonToAttrValue(v, depth);
      default:
      // Unknown keys (e.g. profiling-only `stringValueStrindex`) are ignored.
    }
  }
  // Empty AnyValue: means "no value".
  return null;
}

/** OTLP KeyValue[] → Attribute[]; entries that are not objects are skipped. */
export function otlpAttributes(list: unknown): Attribute[] {
  const out: Attribute[] = [];
  for (const kv of asArray(list)) {
    if (isObject(kv)) out.push({ key: asText(kv.key), value: otlpAnyValue(kv.value) });
  }
  return out;
}

/** Jaeger JSON tag `{key, type, value}`; types string/bool/int64/float64/binary, value maybe text. */
export function jaegerTag(tag: Record<string, unknown>): Attribute {
  const key = asText(tag.key);
  const raw = tag.value;
  const type = typeof tag.type === 'string' ? tag.type.toLowerCase() : '';
  let value: AttrValue;
  switch (type) {
    case 'bool':
    case 'boolean':
      value = raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : jsonToAttrValue(raw);
      break;
    case 'int64':
    case 'int':
      value = readInt64(raw);
      break;
    case 'float64':
    case 'float':
      value = readDouble(raw);
      break;
    default:
      value = jsonToAttrValue(raw);
  }
  return { key, value };
}

export function jaegerTags(list: unknown): Attribute[] {
  const out: Attribute[] = [];
  for (const tag of asArray(list)) if (isObject(tag)) out.push(jaegerTag(tag));
  return out;
}

/** Jaeger api_v2 protobuf-JSON tag `{key, vType, vStr|vBool|vInt64|vFloat64|vBinary}`. */
export function protoJsonTag(tag: Record<string, unknown>): Attribute {
  const key = asText(tag.key);
  const type = typeof tag.vType === 'string' ? tag.vType.toUpperCase() : tag.vType;
  let value: AttrValue;
  if (type === 'BOOL' || type === 1 || (type === undefined && tag.vBool !== undefined)) {
    value = tag.vBool === true || tag.vBool === 'true';
  } else if (type === 'INT64' || type === 2 || (type === undefined && tag.vInt64 !== undefined)) {
    value = tag.vInt64 === undefined ? 0 : readInt64(tag.vInt64);
  } else if (type === 'FLOAT64' || type === 3 || (type === undefined && tag.vFloat64 !== undefined)) {
    value = tag.vFloat64 === undefined ? 0 : readDouble(tag.vFloat64);
  } else if (type === 'BINARY' || type === 4 || (type === undefined && tag.vBinary !== undefined)) {
    value = jsonToAttrValue(tag.vBinary ?? '');
  } else {
    // STRING is the proto default (0), so jsonpb may omit vType and even an empty vStr.
    value = tag.vStr === undefined ? '' : jsonToAttrValue(tag.vStr);
  }
  return { key, value };
}

export function protoJsonTags(list: unknown): Attribute[] {
  const out: Attribute[] = [];
  for (const tag of asArray(list)) if (isObject(tag)) out.push(protoJsonTag(tag));
  return out;
}

/** First value of `key` in a list of attributes, or undefined. */
export function findAttribute(attributes: readonly Attribute[], key: string): AttrValue | undefined {
  for (const a of attributes) if (a.key === key) return a.value;
  return undefined;
}

/** `error=true` as Jaeger and legacy OTLP producers write it (bool or the text "true"). */
export function isTruthyErrorValue(value: AttrValue | undefined): boolean {
  return value === true || value === 'true' || value === 'TRUE' || value === 'True';
}
