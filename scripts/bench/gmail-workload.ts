/**
 * What the page-side bench does on the Gmail thread fixture. `installGmailBench` is sent to the
 * page as source text (`page.evaluate`, the page's main world; never part of the extension), so
 * it uses only its argument and the page's globals; it leaves its tools on `window.__marginBench`.
 */

export interface BenchThread {
  /** The thread's legacy id, as in `#inbox/<id>`. */
  id: string;
  name: string;
  email: string;
}

export interface WorkloadOptions {
  switches: number;
  changes: number;
  intervalMs: number;
}

export interface GmailBench {
  threads: BenchThread[];
  /**
   * Opens thread `index` like Gmail does: the hash changes first, then the conversation view is
   * replaced in the same task. Returns when (epoch ms, comparable across frames and processes).
   */
  switchTo(index: number): number;
  /** `count` DOM changes that concern no person: a counter's text, hidden list rows added and removed, a class. */
  churn(count: number): void;
  /** `switches` thread switches, `changes` unrelated changes spread between them in three slices per interval. */
  runWorkload(options: WorkloadOptions): Promise<void>;
}

declare global {
  interface Window {
    __marginBench?: GmailBench;
  }
}

/** Rewrites the fixture's thread into `count` threads, each with its own person and ids. */
export function installGmailBench(count: number): BenchThread[] {
  const main = document.querySelector('[role="main"]');
  const template = main?.querySelector('[gh="tm"]');
  const list = main?.querySelector('[gh="tl"] tbody');
  const counterText = document.querySelector('.bsU')?.firstChild;
  if (!main || !template || !list || !(counterText instanceof Text)) throw new Error('not the Gmail thread fixture');

  const threads: BenchThread[] = [];
  const views: Element[] = [];
  for (let index = 0; index < count; index += 1) {
    const serial = index.toString(16).padStart(4, '0');
    const thread = { id: `1a2b3c4d5e6f${serial}`, name: `Bench Person ${index}`, email: `person${index}@bench-${index}.example` };
    const rewrite = (value: string): string =>
      value
        .replaceAll('priya.raman@northwind-logistics.example', thread.email)
        .replaceAll('Priya Raman', thread.name)
        .replaceAll('19225cf8b037b1f4', thread.id)
        .replaceAll('thread-f:1811112223334445556', `thread-f:9${serial}`)
        .replaceAll('msg-f:18111', `msg-f:9${serial}`);
    const copy = template.cloneNode(true) as Element;
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node: Node | null = copy; node; node = walker.nextNode()) {
      if (node instanceof Element) {
        for (const attribute of [...node.attributes]) {
          const next = rewrite(attribute.value);
          if (next !== attribute.value) node.setAttribute(attribute.name, next);
        }
      } else if (node.nodeValue) {
        const next = rewrite(node.nodeValue);
        if (next !== node.nodeValue) node.nodeValue = next;
      }
    }
    threads.push(thread);
    views.push(copy);
  }

  let shown = -1;
  let counter = 0;
  const rows: Element[] = [];
  const switchTo = (index: number): number => {
    const view = views[index];
    const thread = threads[index];
    if (!view || !thread) throw new Error(`no bench thread ${index}`);
    const at = performance.timeOrigin + performance.now();
    location.hash = `#inbox/${thread.id}`;
    main.querySelector('[gh="tm"]')?.replaceWith(view);
    shown = index;
    return at;
  };
  const churn = (count: number): void => {
    for (let change = 0; change < count; change += 1) {
      counter += 1;
      if (counter % 3 === 0) {
        counterText.data = String(counter % 97);
      } else if (counter % 3 === 1) {
        const row = document.createElement('tr');
        row.className = 'zA yO';
        row.append(document.createElement('td'));
        list.append(row);
        rows.push(row);
        if (rows.length > 20) rows.shift()?.remove();
      } else {
        list.firstElementChild?.classList.toggle('x7');
      }
    }
  };
  const runWorkload = async ({ switches, changes, intervalMs }: WorkloadOptions): Promise<void> => {
    const perSlice = Math.ceil(changes / (switches * 3));
    let left = changes;
    for (let step = 0; step < switches; step += 1) {
      switchTo((shown + 1) % threads.length);
      for (let slice = 0; slice < 3; slice += 1) {
        await new Promise((resolve) => setTimeout(resolve, intervalMs / 3));
        const now = Math.min(perSlice, left);
        left -= now;
        churn(now);
      }
    }
  };
  window.__marginBench = { threads, switchTo, churn, runWorkload };
  return threads;
}

/**
 * What a do-nothing sidebar costs the page: a host element, a shadow root, an empty iframe from
 * another site (so, like Margin's extension frame, it runs in a process of its own), the page narrowed.
 */
export function mountDoNothingSidebar({ width, src }: { width: number; src: string }): void {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;top:0;right:0;height:100vh;z-index:2147483646;width:${width}px`;
  const shadow = host.attachShadow({ mode: 'open' });
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.style.cssText = 'width:100%;height:100%;border:0';
  shadow.append(frame);
  document.body.append(host);
  document.documentElement.style.setProperty('margin-right', `${width}px`);
}
