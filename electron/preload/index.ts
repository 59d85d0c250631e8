/**
 * Preload (sandboxed, CommonJS): exposes `window.api`, built by looping over the contract's call names.
 * Nothing else crosses: no ipcRenderer, no Node, no generic "invoke any channel".
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api';

contextBridge.exposeInMainWorld('api', buildApi((channel, input) => ipcRenderer.invoke(channel, input)));
