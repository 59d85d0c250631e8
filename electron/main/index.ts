/**
 * Electron host: lifecycle, the window, menus, single-instance lock, file association and IPC.
 * Together with preload, the only code that imports 'electron'; everything else is the plain-Node core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, Menu, dialog, ipcMain, net, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { pathToFileURL } from 'node:url';
import { createHandlers, Session } from '../core/session';
import { DOCUMENT_EXTENSION } from '../core/document';
import { resolveStatic } from '../core/static-files';
import { writeFileAtomic } from '../core/report/atomic';
import { registerIpc } from './ipc';
import { printPageToPdf } from './print-window';
import { IMPORT_EXTENSIONS } from '../../shared/exchange/contract';
import { appPaths } from './paths';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, denyAllPermissions, hardenWebContents, secureWebPreferences } from './security';

const appRoot = app.getAppPath();
const paths = appPaths(appRoot, process.resourcesPath, app.isPackaged);
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
/** Prints report HTML in the app: the page goes to a temporary file, the PDF beside the target and is renamed into place. */
async function printReportPdf(html: string, out: string, orientation: 'portrait' | 'landscape'): Promise<{ bytes: number }> {
  const dir = fs.mkdtempSync(path.join(app.getPath('temp'), 'regiekaart-rapport-'));
  const page = path.join(dir, 'rapport.html');
  fs.writeFileSync(page, html);
  try {
    const pdf = await printPageToPdf(page, orientation);
    writeFileAtomic(out, pdf);
    return { bytes: pdf.length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const fileFilter = [{ name: 'Regiekaart', extensions: [DOCUMENT_EXTENSION.slice(1)] }];

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// Chromium's own locale sets how date fields show and take a date: the Flemish day-month-year, whatever language the
// operating system is in (an English Windows would show month/day/year beside a Dutch form). Before ready.
app.commandLine.appendSwitch('lang', 'nl-BE');

if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;
let coreSession: Session;

function documentArg(argv: string[]): string | null {
  const f = argv.slice(1).find((a) => a.endsWith(DOCUMENT_EXTENSION) && fs.existsSync(a));
  return f ? path.resolve(f) : null;
}

/**
 * Has the page send what it has not saved yet (typing within its pause, a run of arrow-key moves) and waits for
 * those saves, at most `FLUSH_TIMEOUT_MS`: a page that does not answer does not keep the window open.
 */
const FLUSH_TIMEOUT_MS = 5000;
async function flushPage(w: BrowserWindow): Promise<void> {
  if (w.isDestroyed()) return;
  const flushed = w.webContents.executeJavaScript('window.regiekaartFlush ? window.regiekaartFlush() : null', true).catch(() => null);
  await Promise.race([flushed, new Promise((resolve) => setTimeout(resolve, FLUSH_TIMEOUT_MS))]);
}

async function openFromOs(file: string): Promise<void> {
  try {
    // The open map's unsaved typing goes to that map, before another one takes its place.
    if (win) await flushPage(win);
    await coreSession.open(file);
    win?.webContents.reload();
  } catch (err) {
    dialog.showErrorBox('Regiekaart', (err as Error).message);
  }
}

function buildMenu(): void {
  const send = (action: string) => () => win?.webContents.executeJavaScript(`window.dispatchEvent(new CustomEvent('regiekaart:menu', { detail: ${JSON.stringify(action)} }))`);
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Bestand',
      submenu: [
        { label: 'Nieuwe netwerkkaart…', accelerator: 'CmdOrCtrl+N', click: send('new') },
        { label: 'Openen…', accelerator: 'CmdOrCtrl+O', click: send('open') },
        { label: 'Voorbeeldstad openen', click: send('demo') },
        { label: 'Kopie opslaan…', accelerator: 'CmdOrCtrl+Shift+S', click: send('saveCopy') },
        { type: 'separator' },
        { role: 'quit', label: 'Afsluiten' },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        // The shortcuts are shown here but handled in the page: in a text field Ctrl+Z undoes typing, on the map
        // it undoes the last saved edit.
        { label: 'Ongedaan maken', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: send('undo') },
        { label: 'Opnieuw', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: send('redo') },
        { type: 'separator' },
        { role: 'cut', label: 'Knippen' },
        { role: 'copy', label: 'Kopiëren' },
        { role: 'paste', label: 'Plakken' },
        { role: 'selectAll', label: 'Alles selecteren' },
      ],
    },
    { label: 'Beeld', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<void> {
  win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Regiekaart',
    show: false,
    webPreferences: secureWebPreferences(paths.preload),
  });
  hardenWebContents(win.webContents, devServerUrl ?? APP_ORIGIN, (url) => void shell.openExternal(url));
  win.once('ready-to-show', () => win?.show());
  // Closing waits for the page's unsaved typing to be saved (see flushPage), then closes for real; a second click on
  // the close button meanwhile waits too.
  let closing: 'no' | 'saving' | 'yes' = 'no';
  win.on('close', (e) => {
    const w = win;
    if (closing === 'yes' || !w) return;
    e.preventDefault();
    if (closing === 'saving') return;
    closing = 'saving';
    void flushPage(w).finally(() => {
      closing = 'yes';
      if (!w.isDestroyed()) w.close();
    });
  });
  win.on('closed', () => (win = null));
  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

app.on('second-instance', (_e, argv) => {
  const file = documentArg(argv);
  if (file) void openFromOs(file);
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});
app.on('open-file', (e, file) => {
  e.preventDefault();
  if (app.isReady()) void openFromOs(file);
  else process.argv.push(file);
});
app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, devServerUrl ?? APP_ORIGIN));
app.on('window-all-closed', () => app.quit());
// Not on before-quit: that comes before the window's close, so before the page's last saves (a close held for them
// cancels that quit; the window's close then quits through window-all-closed).
app.on('will-quit', () => coreSession?.close());

void app.whenReady().then(async () => {
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const hit = url.host === 'regiekaart' ? resolveStatic(paths.renderer, url.pathname) : null;
    if (!hit) return new Response('Niet gevonden', { status: 404 });
    const res = await net.fetch(pathToFileURL(hit.file).toString());
    return new Response(res.body, {
      headers: { 'content-type': hit.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
    });
  });
  coreSession = new Session({
    host: 'electron',
    appVersion: app.getVersion(),
    bundledDemo: paths.bundledDemo,
    workDir: app.getPath('userData'),
    nativeBinding: paths.nativeBinding,
    dialogs: {
      chooseOpen: async (kind = 'document') => {
        const r = await dialog.showOpenDialog(win!, {
          title: kind === 'import' ? 'Bestand importeren' : kind === 'importMore' ? 'Nog een bestand voor deze import' : 'Netwerkkaart openen',
          filters:
            kind === 'import' ? [{ name: 'Excel, CSV, GraphML, GEXF, JSON of Regiekaart', extensions: Object.values(IMPORT_EXTENSIONS).flat() }]
            : kind === 'importMore' ? [{ name: 'Excel of CSV', extensions: [...IMPORT_EXTENSIONS.xlsx, ...IMPORT_EXTENSIONS.csv] }]
            : fileFilter,
          properties: ['openFile'],
        });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      chooseSave: async (defaultName, kind = 'document') => {
        const r = await dialog.showSaveDialog(win!, {
          title: kind === 'pdf' ? 'Rapport bewaren als PDF' : kind === 'document' ? 'Opslaan als' : kind === 'json' || kind === 'csv' || kind === 'xlsx' || kind === 'graphml' || kind === 'gexf' ? `Exporteren als ${kind.toUpperCase()}` : 'Kaart bewaren als afbeelding',
          defaultPath: defaultName,
          filters: kind === 'document' ? fileFilter : [{ name: kind.toUpperCase(), extensions: [kind] }],
        });
        return r.canceled ? null : (r.filePath ?? null);
      },
    },
    printPdf: printReportPdf,
    onDocumentChanged: (info) => {
      win?.setTitle(info ? `${info.meta.title} — Regiekaart` : 'Regiekaart');
      if (info) app.addRecentDocument(info.path);
    },
  });
  registerIpc(ipcMain, createHandlers(coreSession), devServerUrl);
  const file = documentArg(process.argv);
  try {
    if (file) await coreSession.open(file);
    else await coreSession.openDemo();
  } catch (err) {
    dialog.showErrorBox('Regiekaart', (err as Error).message);
  }
  buildMenu();
  await createWindow();
});
