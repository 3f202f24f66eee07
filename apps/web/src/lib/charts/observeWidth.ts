import { flushSync } from "svelte";
import type { Attachment } from "svelte/attachments";

/**
 * Reports an element's content width whenever it changes, from a ResizeObserver, each time in a task of its own.
 * Unlike `bind:clientWidth`, it never reads the layout synchronously (which, while the page is being built,
 * forces a full layout there and then); and because observers report together, several charts appearing at
 * once would otherwise all draw in one frame's task: a long task, and the page must never freeze.
 */
export function observeWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (width === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        set(Math.floor(width));
        flushSync();
      }, 0);
    });
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  };
}
