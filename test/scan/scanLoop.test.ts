// A code held in front of the camera is one scan; shown again after a pause, it is another.
import { describe, expect, it } from 'vitest';
import { repeatGuard } from '../../src/scan/scanLoop';
import { cameraProblem } from '../../src/scan/camera';

describe('repeatGuard', () => {
  it('accepts a code once while it stays in view, again after it was gone for a while', () => {
    const accept = repeatGuard(1000);
    expect([accept('A', 0), accept('A', 300), accept('A', 900), accept('A', 2000)]).toEqual([true, false, false, true]);
  });

  it('accepts a different code at once, and the first again after it', () => {
    const accept = repeatGuard(1000);
    expect([accept('A', 0), accept('B', 100), accept('A', 200)]).toEqual([true, true, true]);
  });
});

describe('cameraProblem', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });
  it('says what to do for each way the camera fails', () => {
    expect(cameraProblem(named('NotAllowedError'))).toMatch(/denied/);
    expect(cameraProblem(named('NotFoundError'))).toMatch(/No camera/);
    expect(cameraProblem(named('NotReadableError'))).toMatch(/in use/);
    expect(cameraProblem(named('TypeError'))).toMatch(/could not start \(x\)/);
  });
});
