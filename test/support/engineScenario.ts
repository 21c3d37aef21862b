// Engine specifications as a list of steps: each step (a command, an undo, a redo) runs at the test clock's time
// and then moves the clock on a minute, so events come out in the order the test writes them without a
// clock.tick() between each. Tests about time itself set it with `at(minutes)` or use `clock` directly.
//   const s = await engineScenario();
//   const sword = await s.create('Sword');
//   const [add] = await s.execute({ type: 'addStock', itemId: sword, quantity: 5 });
//   const undo = await s.undo(add!);
//   await s.redo(...undo);
//   expect(s.quantity(sword)).toBe(5);
import { expect } from 'vitest';
import type { Command } from '../../src/domain/commands';
import type { InventoryEvent } from '../../src/domain/events';
import { quantityOf, type Item } from '../../src/domain/inventory';
import type { Engine } from '../../src/state/engine';
import { at as minute } from './events';
import { makeEngine } from './engine';
import { expectHeadMatches } from './scenario';
import { collect } from './store';

type Env = Awaited<ReturnType<typeof makeEngine>>;
type EngineOptions = NonNullable<Parameters<typeof makeEngine>[0]>;
export type Result = Awaited<ReturnType<Engine['execute']>>;
type Created = Omit<Extract<Command, { type: 'createItem' }>, 'type' | 'name'>;
/** What an undo names: events, or their ids. */
type Target = InventoryEvent | string;

/** The events of a step that must have been accepted. */
function succeeded(r: Result, what: string): InventoryEvent[] {
  if (!r.ok) throw new Error(`expected the ${what} to succeed, got: ${r.error}`);
  return r.events;
}

/** The id of the item an ItemCreated made. */
export const createdItem = (e: InventoryEvent): string => (e.data as { itemId: string }).itemId;

export class EngineScenario {
  constructor(readonly env: Env) {}

  get engine(): Engine {
    return this.env.engine;
  }
  get store() {
    return this.env.store;
  }
  get clock() {
    return this.env.clock;
  }

  /** Sets the clock so the next step happens `minutes` after T0 (2026-01-01T00:00Z). */
  at(minutes: number): this {
    this.env.clock.set(minute(minutes));
    return this;
  }

  /** Runs `step`, then moves the clock on a minute. */
  private async step<T>(step: Promise<T>): Promise<T> {
    const r = await step;
    this.env.clock.tick();
    return r;
  }

  /** Runs a command, accepted or refused. */
  tryExecute(cmd: Command): Promise<Result> {
    return this.step(this.engine.execute(cmd));
  }

  /** Runs a command that must be accepted; returns its events. */
  async execute(cmd: Command): Promise<InventoryEvent[]> {
    return succeeded(await this.tryExecute(cmd), `command ${cmd.type}`);
  }

  /** Creates an item that must be accepted; returns its id. */
  async create(name: string, fields: Created = {}): Promise<string> {
    const [e] = await this.execute({ type: 'createItem', name, ...fields });
    return createdItem(e!);
  }

  /** Undoes the targets (a redo when they are undos), accepted or refused. */
  tryUndo(...targets: Target[]): Promise<Result> {
    return this.step(this.engine.undo(targets.map((t) => (typeof t === 'string' ? t : t.id))));
  }

  /** An undo that must be accepted; returns its EventsReverted events. */
  async undo(...targets: Target[]): Promise<InventoryEvent[]> {
    return succeeded(await this.tryUndo(...targets), 'undo');
  }

  /** Undoes the undos `undos`, which must be accepted; returns its EventsReverted events. */
  redo(...undos: Target[]): Promise<InventoryEvent[]> {
    return this.undo(...undos);
  }

  /** Writes `events` as another tab, device or import would, then lets the engine catch up. */
  async arrive(...events: InventoryEvent[]): Promise<void> {
    const res = await this.store.append(events, this.engine.head.version);
    expect(res.ok).toBe(true);
    await this.engine.catchUp();
  }

  item(itemId: string): Item {
    return this.engine.state.value.items.get(itemId)!;
  }

  /** The item's quantity over every location, at the head. */
  quantity(itemId: string): number {
    return quantityOf(this.item(itemId));
  }

  /** The whole stored log in history order. */
  log(): Promise<InventoryEvent[]> {
    return collect(this.store.readRange('', '\uffff'));
  }

  /** The head equals the replay of the whole stored log. */
  async expectHeadMatchesLog(): Promise<void> {
    expectHeadMatches(this.engine.state.value, await this.log());
  }

  /** A second engine (another tab, or a reload) on the same database and clock. */
  async reopen(opts: Omit<EngineOptions, 'name' | 'clock'> = {}): Promise<EngineScenario> {
    return new EngineScenario(await makeEngine({ ...opts, name: this.env.name, clock: this.env.clock }));
  }
}

/** A fresh engine over an empty database, its clock at T0. */
export async function engineScenario(opts: EngineOptions = {}): Promise<EngineScenario> {
  return new EngineScenario(await makeEngine(opts));
}
