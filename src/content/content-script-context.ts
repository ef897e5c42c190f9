import { browser } from 'wxt/browser';

/**
 * The life of one copy of a content script: it ends when the extension that injected it is gone
 * (reloaded, updated or removed: `runtime.id` is undefined then), and with it every timer,
 * listener and observer registered through `onInvalidated`.
 *
 * Margin's own, in place of WXT's `ContentScriptContext` (wxt.config.ts points WXT's content-script
 * entry at this class, so every content script gets it). WXT's also stops a copy when the
 * document receives its "content script started" event, meant for a newer copy after an update,
 * but which any page script that knows the extension id can fire to switch Margin off (issue 13,
 * finding 8); and with its location watcher and helpers it was ~0.8 KB gzip of each content
 * script's 10 KB budget. Here a copy ends only when its extension has: a newer copy replaces the
 * older one's sidebar by its element id (src/content/sidebar-frame.ts), and the older one notices
 * it is orphaned the next time any of its callbacks runs.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  /** `name` and `options` are what WXT's content-script entry passes; Margin reads neither. */
  constructor(
    readonly name = '',
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Ends this copy now (tests; and `isInvalid` once the extension is gone). */
  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  get isInvalid(): boolean {
    if (!browser.runtime?.id) this.abort('the extension is gone');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  /** A timeout that does nothing once this copy has ended (its caller clears it on invalidation). */
  setTimeout(callback: () => void, ms: number): number {
    return window.setTimeout(() => this.isValid && callback(), ms);
  }

  /** An animation frame that does nothing once this copy has ended. */
  requestAnimationFrame(callback: FrameRequestCallback): number {
    return window.requestAnimationFrame((time) => this.isValid && callback(time));
  }

  /** A listener removed when this copy ends. */
  addEventListener<Type extends keyof WindowEventMap>(target: Window, type: Type, listener: (event: WindowEventMap[Type]) => void): void;
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void): void;
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void): void {
    target.addEventListener(type, listener, { signal: this.signal });
  }
}
