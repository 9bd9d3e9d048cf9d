import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The globs (relative to the repository root, as WXT's `zip.excludeSources` takes them) that leave out of the
 * Firefox sources zip what git leaves out of the repository: the sources zip holds what the repository holds.
 * Handles the forms .gitignore uses here (names, `dir/`, `/anchored/`, `*.ext`); negations (`!`) are not supported.
 */
export function gitignoreGlobs(gitignore: string): string[] {
  return gitignore
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => {
      if (line.startsWith('!')) throw new Error(`.gitignore: negated pattern "${line}" is not supported for the sources zip`);
      const dirOnly = line.endsWith('/');
      const bare = line.replace(/^\//, '').replace(/\/$/, '');
      // A slash at the start or in the middle anchors a pattern at the root; otherwise it matches at any depth.
      const anchored = line.startsWith('/') || bare.includes('/');
      const base = anchored ? bare : `**/${bare}`;
      return dirOnly ? [`${base}/**`] : [base, `${base}/**`];
    });
}

export function repositoryIgnoredGlobs(root: string): string[] {
  return gitignoreGlobs(readFileSync(join(root, '.gitignore'), 'utf8'));
}
