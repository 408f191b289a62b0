import { readdirSync } from 'node:fs';
import { migrations } from '../../../migrations';

const stampOf = (name: string): number => Number(/(\d{13})$/.exec(name)?.[1]);

describe('migrations/index.ts', () => {
  it('should list every migration file once, in the order of their timestamps', () => {
    const files = readdirSync('migrations')
      .filter((f) => /^\d{13}-.+\.ts$/.test(f))
      .map((f) => Number(f.slice(0, 13)))
      .sort((a, b) => a - b);
    expect(migrations.map((m) => stampOf(m.name))).toEqual(files);
  });
});
