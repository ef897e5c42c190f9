import { describe, expect, it, vi } from 'vitest';
import { createMessageListener, type Handlers, type SenderChecks } from '../../src/messaging/listen';
import type { MessageSender } from '../../src/messaging/senders';
import { contentScriptSender, gmailContext, sidebarSender } from './senders-fixtures';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'page/context': vi.fn(async () => ({ stored: true })),
    'sidebar/get-context': vi.fn(async () => ({ tabId: 7, context: null, firstScreen: [] })),
    'sidebar/focus-composer': vi.fn(async () => ({ focused: true })),
    'sidebar/reveal': vi.fn(async () => ({ revealed: true })),
    'tasks/changed': vi.fn(async () => ({ scheduled: 0 })),
    'sync/run': vi.fn(async () => ({ started: true })),
    'page/describe-structure': vi.fn(async () => ({ description: 'body' })),
    ...overrides,
  };
}

const allowAll: SenderChecks = {
  'page/context': () => true,
  'sidebar/get-context': () => true,
  'sidebar/focus-composer': () => true,
  'sidebar/reveal': () => true,
  'tasks/changed': () => true,
  'sync/run': () => true,
  'page/describe-structure': () => true,
};

/** Runs the listener as the browser would and waits for its answer, if it promised one. */
async function deliver(
  listener: ReturnType<typeof createMessageListener>,
  raw: unknown,
  sender: MessageSender,
): Promise<{ returned: true | undefined; response: unknown }> {
  let answer: (value: unknown) => void = () => undefined;
  const answered = new Promise((resolve) => {
    answer = resolve;
  });
  const returned = listener(raw, sender, answer);
  return { returned, response: returned === true ? await answered : undefined };
}

describe('createMessageListener', () => {
  it('answers a valid message from an allowed sender through sendResponse', async () => {
    const map = handlers();
    const listener = createMessageListener(map, allowAll);

    const { returned, response } = await deliver(listener, { type: 'sidebar/get-context' }, sidebarSender());

    expect(returned).toBe(true);
    expect(response).toEqual({ tabId: 7, context: null, firstScreen: [] });
    expect(map['sidebar/get-context']).toHaveBeenCalledWith({ type: 'sidebar/get-context' }, sidebarSender());
  });

  it('passes the parsed message, not the raw one, to the handler', async () => {
    const map = handlers();
    const listener = createMessageListener(map, allowAll);

    await deliver(listener, { type: 'page/context', context: gmailContext(), extra: 'dropped' }, contentScriptSender());

    expect(map['page/context']).toHaveBeenCalledWith({ type: 'page/context', context: gmailContext() }, contentScriptSender());
  });

  it('ignores and logs a malformed message', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const map = handlers();
    const listener = createMessageListener(map, allowAll);

    const { returned } = await deliver(listener, { type: 'page/context', context: 'nope' }, contentScriptSender());

    expect(returned).toBeUndefined();
    expect(map['page/context']).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[margin] rejected message: malformed'));
  });

  it('ignores and logs a message from a sender not allowed to send it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const map = handlers();
    const checks: SenderChecks = { ...allowAll, 'sidebar/get-context': () => false };
    const listener = createMessageListener(map, checks);

    const { returned } = await deliver(listener, { type: 'sidebar/get-context' }, contentScriptSender());

    expect(returned).toBeUndefined();
    expect(map['sidebar/get-context']).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[margin] rejected message: sidebar/get-context'));
  });

  it('answers with an error when the handler fails, synchronously or not', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listener = createMessageListener(
      handlers({
        'page/context': async () => {
          throw new Error('storage unavailable');
        },
        'sidebar/get-context': () => {
          throw new Error('not in a tab');
        },
      }),
      allowAll,
    );

    expect((await deliver(listener, { type: 'page/context', context: gmailContext() }, contentScriptSender())).response).toEqual({
      error: 'storage unavailable',
    });
    expect((await deliver(listener, { type: 'sidebar/get-context' }, sidebarSender())).response).toEqual({
      error: 'not in a tab',
    });
  });

  it('needs a handler and a sender check for every message type (checked by the compiler)', () => {
    // @ts-expect-error a handler map without 'sidebar/get-context' must not compile
    const incompleteHandlers: Handlers = { 'page/context': async () => ({ stored: true }) };
    // @ts-expect-error a sender-check map without 'sidebar/get-context' must not compile
    const incompleteChecks: SenderChecks = { 'page/context': () => true };
    expect([incompleteHandlers, incompleteChecks]).toHaveLength(2);
  });
});
