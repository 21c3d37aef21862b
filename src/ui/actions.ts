// Every user action goes through here so that each success says what happened and offers its undo, and each
// refusal is shown with the engine's message (and, for an undo, the later events that depend on it).
// The wording (describe.ts) loads with the first notification, or earlier (preloadWording), not with the
// inventory; should it fail to load, the notification still comes, in plainer words.
import type { Command } from '../domain/commands';
import type { InventoryEvent } from '../domain/events';
import { execute, inventory, readHistory, revertedIds, undo, type ExecResult } from '../state/app';
import type { ItemLookup } from './describe';
import { when } from './format';
import { toast } from './shell/toasts';

const lookup: ItemLookup = (id) => inventory.value.items.get(id);

type Wording = typeof import('./describe');
let wording: Promise<Wording> | undefined;
const loadWording = (): Promise<Wording> =>
  (wording ??= import('./describe').catch((err: unknown) => {
    wording = undefined; // the next notification tries again
    throw err;
  }));

/** Fetches the wording of notifications ahead of the first one. */
export const preloadWording = (): Promise<void> => loadWording().then(
  () => undefined,
  () => undefined,
);

/** `say(wording)`, or `fallback` when the wording cannot be loaded (offline and not cached yet). */
async function phrase(say: (w: Wording) => string, fallback: string): Promise<string> {
  let w: Wording;
  try {
    w = await loadWording();
  } catch (err) {
    console.error('Could not load the wording of notifications', err);
    return fallback;
  }
  return say(w);
}

export const sentenceOf = (e: InventoryEvent) => phrase((w) => w.eventSentence(e, lookup), 'the change');

type Mode = 'did' | 'undid' | 'redid';
interface Done {
  events: InventoryEvent[];
  sentence: string;
  mode: Mode;
}
// This tab's own actions, for Ctrl+Z and Shift+Ctrl+Z (src/ui/keyboard.ts): what can be undone, newest last, and
// what was undone and can be redone. A new action clears the redo list, as in any editor.
const undoable: Done[] = [];
const redoable: Done[] = [];
const forget = (events: InventoryEvent[]) => {
  for (const list of [undoable, redoable]) {
    const i = list.findIndex((d) => d.events === events);
    if (i >= 0) list.splice(i, 1);
  }
};

export function announce(sentence: string, events: InventoryEvent[], mode: Mode): void {
  if (mode === 'undid') redoable.push({ events, sentence, mode });
  else {
    undoable.push({ events, sentence, mode });
    if (mode === 'did') redoable.length = 0;
  }
  const message = mode === 'did' ? sentence : `${mode === 'undid' ? 'Undone' : 'Redone'}: ${sentence}`;
  const label = mode === 'undid' ? 'Redo' : 'Undo';
  toast({
    tone: 'ok',
    message,
    action: { label, ariaLabel: `${label} “${sentence}”`, run: () => reverse(events, sentence, mode) },
  });
}

/** Shows a refusal as an alert; for undo, lists the later events that would break. */
export async function showRefusal(r: Extract<ExecResult, { ok: false }>): Promise<void> {
  const shown = (r.dependents ?? []).slice(0, 5);
  const details = await Promise.all(shown.map(async (e) => `${await sentenceOf(e)} (${when(e.time)})`));
  const more = (r.dependents?.length ?? 0) - details.length;
  if (more > 0) details.push(`…and ${more} more`);
  toast({ tone: 'error', message: r.error, details: details.length ? ['Later changes depend on it:', ...details] : undefined });
}

async function reverse(events: InventoryEvent[], sentence: string, mode: Mode): Promise<void> {
  forget(events);
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
  if (r.ok) {
    const events = r.events;
    announce(await phrase((w) => w.resultSentence(events, lookup), 'Change saved'), events, 'did');
  }
  return r;
}

/** Runs a command from a button (no form to show the refusal in): refusals become an alert toast. */
export async function runQuick(cmd: Command): Promise<void> {
  const r = await runCommand(cmd);
  if (!r.ok) await showRefusal(r);
}

/** Undoes (or with `redo`, redoes) this tab's last action; says so when there is none. */
export async function reverseLast(redo: boolean): Promise<void> {
  const last = (redo ? redoable : undoable).at(-1);
  if (!last) return void toast({ tone: 'ok', message: redo ? 'Nothing to redo.' : 'Nothing to undo.' });
  await reverse(last.events, last.sentence, last.mode);
}

/** Undo of one event from a history list. */
export async function undoEvent(e: InventoryEvent): Promise<void> {
  await reverse([e], await sentenceOf(e), 'did');
}

/**
 * Redo of an undone event from a history list: undoes the revert that is in effect for it. Reverts are rare, so
 * scanning them newest first (where the one in effect almost always is) costs a page or two.
 */
export async function redoEvent(e: InventoryEvent): Promise<void> {
  const sentence = await sentenceOf(e);
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
