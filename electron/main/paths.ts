import fs from 'node:fs';
import path from 'node:path';

/** Where the built renderer, the bundled demo and (in development) the Electron SQLite binding live. */
export function appPaths(appRoot: string, resourcesPath: string, isPackaged: boolean) {
  const resources = isPackaged ? path.join(resourcesPath, 'resources') : path.join(appRoot, 'resources');
  const devBinding = path.join(appRoot, 'out', 'native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return {
    renderer: path.join(appRoot, 'out', 'renderer'),
    preload: path.join(appRoot, 'out', 'preload', 'index.cjs'),
    bundledDemo: path.join(resources, 'demo', 'voorbeeldstad.regiekaart'),
    // In a packaged app electron-builder rebuilt better-sqlite3 for Electron; in development `npm start`
    // prepares a separate Electron build so node_modules keeps the Node build the tests use.
    nativeBinding: !isPackaged && fs.existsSync(devBinding) ? devBinding : undefined,
  };
}
