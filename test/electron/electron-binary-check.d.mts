/** The Electron executable, or null with the reason when this machine has none. */
export function electronBinary(): { path: string | null; reason: string };
