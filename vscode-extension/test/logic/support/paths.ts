import * as path from 'node:path';

/** vscode-extension/ (tests run from out/test/logic/…, compiled). */
export const EXTENSION_DIR = path.resolve(__dirname, '..', '..', '..', '..');
export const REPO_DIR = path.resolve(EXTENSION_DIR, '..');
export const DEMO_WORKSPACE = path.join(REPO_DIR, 'examples', 'demo');
/** The contract as the Java side generates it (ProtocolSchemaTest keeps it current). */
export const PROTOCOL_SCHEMA = path.join(REPO_DIR, 'protocol', 'protocol.schema.json');
/** The TypeScript mirror, read as source: its interfaces are types only and vanish from the compiled file. */
export const PROTOCOL_MIRROR = path.join(EXTENSION_DIR, 'src', 'core', 'protocol.ts');

/** The built `same` launcher: $SAME_LAUNCHER, else the repository's distribution. */
export const LAUNCHER = process.env['SAME_LAUNCHER'] ?? path.join(REPO_DIR, 'cli', 'target', 'same', 'bin', 'same');
