import { createHandlers, Session } from '../../electron/core/session';
import { contract, type CallInput, type CallName, type CallOutput } from '../../shared/api';

/**
 * A session without dialogs (as the web host has it), and its calls as a host makes them: the input parsed by the
 * contract, the output as the renderer gets it. The test closes the session.
 */
export function startSession(workDir: string) {
  const session = new Session({ host: 'web', appVersion: '0.0.0-test', dialogs: null, bundledDemo: null, workDir });
  const handlers = createHandlers(session) as unknown as Record<CallName, (input: unknown) => Promise<unknown>>;
  const call = async <K extends CallName>(name: K, input: CallInput<K>) => contract[name].output.parse(await handlers[name](contract[name].input.parse(input))) as CallOutput<K>;
  return { session, call };
}
