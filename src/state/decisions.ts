// What deciding a command or an undo needs (the command rules, their validation, and the checks that read the
// log), loaded with the first command rather than with the inventory: a cold start only reads.
export { decide } from '../domain/commands';
export { decideUndo, refusalInPlace, stamp } from './checks';
