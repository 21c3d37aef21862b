// What deciding a command or an undo needs (the command rules and their validation), loaded with the first
// command rather than with the inventory: a cold start only reads.
export { decide } from '../domain/commands';
export { decideRevert, findDependents } from '../domain/revert';
export { checkInPlace } from '../domain/inPlace';
