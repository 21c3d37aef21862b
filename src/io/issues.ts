// Turns a valibot issue into a sentence a user can act on: which field, what it must be, what the file holds.
import type * as v from 'valibot';
import { formatPath, show } from './describe';

export interface IssueContext {
  /** Keys in front of the issue's own path (the schema was run on a part of the event). */
  base?: readonly string[];
  /** Keys dropped from the front of the path for readability (`data.quantity` is just "quantity"). */
  strip?: readonly string[];
  /** Completes "is not a field …" for unknown keys, e.g. "of StockAdded events". */
  fieldsOf?: string;
}

const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest']);

function pathOf(issue: v.BaseIssue<unknown>, ctx: IssueContext): string[] {
  const keys = [...(ctx.base ?? []), ...(issue.path ?? []).map((p) => String((p as { key: unknown }).key))];
  const strip = ctx.strip ?? [];
  if (keys.length > strip.length && strip.every((k, i) => keys[i] === k)) keys.splice(0, strip.length);
  return keys;
}

export function describeIssue(issue: v.BaseIssue<unknown>, ctx: IssueContext = {}): string {
  const keys = pathOf(issue, ctx);
  const field = `"${formatPath(keys)}"`;
  const last = issue.path?.[issue.path.length - 1] as { origin?: string; key?: unknown } | undefined;
  if (issue.expected === 'never') return `${field} is not a field ${ctx.fieldsOf ?? 'Eventory knows here'}`;
  if (issue.kind === 'schema' && OBJECT_TYPES.has(issue.type) && issue.input === undefined && issue.expected?.startsWith('"')) {
    return `${field} is missing`;
  }
  if (last?.origin === 'key') {
    const parent = `"${formatPath(keys.slice(0, -1))}"`;
    return `${parent} has a field named ${show(last.key)}; field names ${issue.message}`;
  }
  return `${field} ${issue.message}, got ${show(issue.input)}`;
}
