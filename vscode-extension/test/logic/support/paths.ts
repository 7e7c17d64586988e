import * as path from 'node:path';

/** vscode-extension/ (tests run from out/test/logic/…, compiled). */
export const EXTENSION_DIR = path.resolve(__dirname, '..', '..', '..', '..');
export const REPO_DIR = path.resolve(EXTENSION_DIR, '..');
export const DEMO_WORKSPACE = path.join(REPO_DIR, 'examples', 'demo');
export const PROTOCOL_SOURCES = path.join(REPO_DIR, 'protocol', 'src', 'main', 'java', 'dev', 'same', 'protocol');

/** The built `same` launcher: $SAME_LAUNCHER, else the repository's distribution. */
export const LAUNCHER = process.env['SAME_LAUNCHER'] ?? path.join(REPO_DIR, 'cli', 'target', 'same', 'bin', 'same');
