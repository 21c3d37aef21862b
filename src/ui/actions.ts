// Every user action goes through here so that each success says what happened and offers its undo, and each
// refusal is shown with the engine's message (and, for an undo, the later events that depend on it).
import type { Command } from '../domain/commands';
import type { InventoryEvent } from '../domain/events';
import { execute, inventory, readHistory, revertedIds, undo, type ExecResult } from '../state/app';
import { eventSentence, resultSentence, type ItemLookup } from './describe';
import { when } from './format';
import { toast } from './shell/toasts';

const lookup: ItemLookup = (id) => inventory.value.items.get(id);

type Mode = 'did' | 'undid' | 'redid';

function announce(sentence: string, events: InventoryEvent[], mode: Mode): void {
  const message = mode === 'did' ? sentence : `${mode === 'undid' ? 'Undone' : 'Redone'}: ${sentence}`;
  const label = mode === 'undid' ? 'Redo' : 'Undo';
  toast({
    tone: 'ok',
    message,
    action: { label, ariaLabel: `${label} “${sentence}”`, run: () => reverse(events, sentence, mode) },
  });
}

/** Shows a refusal as an alert; for undo, lists the later events that would break. */
export function showRefusal(r: Extract<ExecResult, { ok: false }>): void {
  const details = (r.dependents ?? []).slice(0, 5).map((e) => `${eventSentence(e, lookup)} (${when(e.time)})`);
  const more = (r.dependents?.length ?? 0) - details.length;
  if (more > 0) details.push(`…and ${more} more`);
  toast({ tone: 'error', message: r.error, details: details.length ? ['Later changes depend on it:', ...details] : undefined });
}

async function reverse(events: InventoryEvent[], sentence: string, mode: Mode): Promise<void> {
  const r = await undo(events.map((e) => e.id));
  if (!r.ok) return showRefusal(r);
  announce(sentence, r.events, mode === 'undid' ? 'redid' : 'undid');
}

/** Runs a command; on success a toast with Undo. Refusals are returned for the form to show next to its fields. */
export async function runCommand(cmd: Command): Promise<ExecResult> {
  let r: ExecResult;
  try {
    r = await execute(cmd);
  } catch (err) {
    r = { ok: false, error: `Could not save the change: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (r.ok) announce(resultSentence(r.events, lookup), r.events, 'did');
  return r;
}

/** Runs a command from a button (no form to show the refusal in): refusals become an alert toast. */
export async function runQuick(cmd: Command): Promise<void> {
  const r = await runCommand(cmd);
  if (!r.ok) showRefusal(r);
}

/** Undo of one event from a history list. */
export async function undoEvent(e: InventoryEvent): Promise<void> {
  await reverse([e], eventSentence(e, lookup), 'did');
}

/**
 * Redo of an undone event from a history list: undoes the revert that is in effect for it. Reverts are rare, so
 * scanning them newest first (where the one in effect almost always is) costs a page or two.
 */
export async function redoEvent(e: InventoryEvent): Promise<void> {
  const sentence = eventSentence(e, lookup);
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const res = await readHistory({ types: ['EventsReverted'], limit: 200, ...(cursor ? { cursor } : {}) });
    const hit = res.events.find((r) => r.type === 'EventsReverted' && r.data.eventIds.includes(e.id) && !revertedIds.value.has(r.id));
    if (hit) return reverse([hit], sentence, 'undid');
    if (!res.cursor) break;
    cursor = res.cursor;
  }
  toast({ tone: 'error', message: `Could not find the undo of “${sentence}” to reverse.` });
}
