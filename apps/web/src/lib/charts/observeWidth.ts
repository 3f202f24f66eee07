import type { Attachment } from "svelte/attachments";

/**
 * Reports an element's content width whenever it changes, from a ResizeObserver. Unlike `bind:clientWidth`, it
 * never reads the layout synchronously: reading it while the page is being built forces a full layout at that
 * moment, which for a results page of tables and charts is a main-thread task of tens of milliseconds.
 */
export function observeWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (width !== undefined) set(Math.floor(width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  };
}
