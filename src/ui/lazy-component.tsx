import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is loaded (a dynamic `import()`, its own chunk) the first time it is
 * rendered, so that a page paints what it shows first without downloading, parsing and running
 * the code of everything else. Until the code is there it renders `fallback` (nothing by default);
 * later renders are immediate. A chunk that cannot be loaded (the extension was updated under the
 * page) says so instead of failing silently.
 */
export function lazyComponent<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  fallback: ComponentType<Props> | null = null,
): ComponentType<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const start = (): Promise<ComponentType<Props>> => {
    loading ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };

  function Lazy(props: Props) {
    const [component, setComponent] = useState<{ ready: ComponentType<Props> } | { failed: string } | undefined>(() =>
      loaded ? { ready: loaded } : undefined,
    );
    useEffect(() => {
      if (component) return undefined;
      let mounted = true;
      start().then(
        (ready) => mounted && setComponent({ ready }),
        (error: unknown) => {
          loading = undefined;
          console.warn('[margin] could not load part of this page', error);
          if (mounted) setComponent({ failed: error instanceof Error ? error.message : String(error) });
        },
      );
      return () => {
        mounted = false;
      };
    }, []);
    if (component && 'ready' in component) {
      const Ready = component.ready;
      return <Ready {...props} />;
    }
    if (component) {
      return (
        <p role="alert" class="quiet">
          Part of Margin could not be loaded ({component.failed}). Reload the page to try again.
        </p>
      );
    }
    const Fallback = fallback;
    return Fallback ? <Fallback {...props} /> : null;
  }
  return Lazy;
}
