// The start screen's form is the page's largest paint on a phone (Lighthouse's phone run names
// the scenario's summary as its Largest Contentful Paint). What the page asks for as it mounts
// the form (the start picture's ~54 KB of map shapes, the chosen scenario's file) waits until
// that paint is on screen: fetched and run before it, they shared the phone's bandwidth and
// main thread with the form and held its paint back.

/** What `afterNextPaint` needs of a window. */
export type PaintClock = Pick<Window, 'requestAnimationFrame' | 'setTimeout'>;

/**
 * Resolves once the browser has painted the page as it is now: a frame's callbacks run just
 * before its paint, so a task queued from one runs after it. A tab that draws no frames (hidden)
 * resolves after `fallbackMs`, so nothing waits on a frame that never comes.
 */
export function afterNextPaint(win: PaintClock, fallbackMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    win.requestAnimationFrame(() => win.setTimeout(resolve, 0));
    win.setTimeout(resolve, fallbackMs);
  });
}
