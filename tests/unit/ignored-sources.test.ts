import { describe, expect, it } from 'vitest';
import { gitignoreGlobs, repositoryIgnoredGlobs } from '../../scripts/ignored-sources';
import { ROOT } from '../../scripts/dataset-files';

describe('gitignoreGlobs', () => {
  it('turns .gitignore lines into the globs of the files they ignore, at any depth unless anchored', () => {
    expect(gitignoreGlobs('# build\nnode_modules/\n/tmp/\n*.log\nstats.html\nassets/generated/\n\n')).toEqual([
      '**/node_modules/**',
      'tmp/**',
      '**/*.log',
      '**/*.log/**',
      '**/stats.html',
      '**/stats.html/**',
      'assets/generated/**',
    ]);
  });
  it('refuses a negation rather than zip what git ignores', () => {
    expect(() => gitignoreGlobs('demo-output/\n!demo-output/keep.png')).toThrow(/negated pattern/);
  });
  it('leaves the demo screenshots and test results out of the repository’s sources zip', () => {
    expect(repositoryIgnoredGlobs(ROOT)).toEqual(expect.arrayContaining(['**/demo-output/**', '**/test-results/**']));
  });
});
