import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDir } from '../../test/support/config-dir';
import {
  communityConfigDir,
  ruleFileOf,
  unknownCommunityFolders,
} from '../communities/community-rules';

describe('community rule folders', () => {
  it("should read a community's own file when it has one, else the shared one", () => {
    const dir = configDir();
    try {
      mkdirSync(communityConfigDir(dir.dir, 'b'), { recursive: true });
      writeFileSync(join(dir.dir, 'communities', 'b', 'redemption.json'), '{}');
      expect(ruleFileOf(dir.dir, 'b', 'redemption.json')).toBe(
        join(dir.dir, 'communities', 'b', 'redemption.json'),
      );
      expect(ruleFileOf(dir.dir, 'b', 'star-rating.json')).toBe(join(dir.dir, 'star-rating.json'));
      expect(ruleFileOf(dir.dir, 'a', 'redemption.json')).toBe(join(dir.dir, 'redemption.json'));
    } finally {
      dir.remove();
    }
  });

  it('should name the folders whose code is no community, and no plain file', () => {
    const dir = configDir();
    try {
      expect(unknownCommunityFolders(dir.dir, ['default'])).toEqual([]);
      for (const code of ['default', 'b', 'lingnan', 'zz-typo']) {
        mkdirSync(communityConfigDir(dir.dir, code), { recursive: true });
      }
      writeFileSync(join(dir.dir, 'communities', 'README.md'), 'notes');
      expect(unknownCommunityFolders(dir.dir, ['default', 'b'])).toEqual(['lingnan', 'zz-typo']);
    } finally {
      dir.remove();
    }
  });
});
