/**
 * The deck's only script: turns the server-rendered slides into a slide show. Keyboard and clicker
 * (→ ← PgDn PgUp Space Home End, F for fullscreen), a deep link per slide (#slide-5), fullscreen, and a
 * presenter window (?presenter: notes and the next slide) kept in step through a BroadcastChannel.
 */
import { nearestSlide, requestedSlide, slideMessage } from '../domain/deck-navigation.ts';

const root = document.querySelector<HTMLElement>('[data-deck]');
if (root) start(root);

function start(root: HTMLElement) {
  const slides = [...root.querySelectorAll<HTMLElement>('.slide')];
  const toolbar = root.querySelector<HTMLElement>('[data-deck-toolbar]')!;
  const counter = root.querySelector<HTMLElement>('[data-counter]')!;
  const presenter = new URLSearchParams(location.search).has('presenter');
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('pedchas') : null;
  const html = document.documentElement;
  // deck-on is set by an inline script in <head> before the first paint, so the page does not jump.
  html.classList.toggle('deck-presenter', presenter);
  let current = 0;

  function show(n: number, broadcast = true) {
    current = nearestSlide(String(n), slides.length);
    slides.forEach((slide, i) => {
      const next = presenter && i === current;
      slide.hidden = i !== current - 1 && !next;
      slide.classList.toggle('is-next', next);
    });
    counter.textContent = `Слайд ${current} из ${slides.length}`;
    history.replaceState(null, '', `${location.search}#slide-${current}`);
    if (broadcast) channel?.postMessage(slideMessage(current));
  }

  const actions: Record<string, () => void> = {
    prev: () => show(current - 1),
    next: () => show(current + 1),
    first: () => show(1),
    last: () => show(slides.length),
    fullscreen: () => void (document.fullscreenElement ? document.exitFullscreen() : html.requestFullscreen()).catch(() => {}),
    print: () => print(),
    presenter: () => void window.open(`${location.pathname}?presenter#slide-${current}`, 'pedchas-presenter', 'popup'),
  };
  const KEYS: Record<string, string> = {
    ArrowRight: 'next', ArrowDown: 'next', PageDown: 'next', ' ': 'next',
    ArrowLeft: 'prev', ArrowUp: 'prev', PageUp: 'prev',
    Home: 'first', End: 'last', f: 'fullscreen', F: 'fullscreen',
  };

  document.addEventListener('keydown', (event) => {
    const action = KEYS[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    // Space and letters keep their meaning on buttons and links.
    if ((event.key === ' ' || action === 'fullscreen') && (event.target as Element).closest('button, a')) return;
    event.preventDefault();
    actions[action]();
  });
  toolbar.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action) actions[action]();
  });
  window.addEventListener('hashchange', () => show(nearestSlide(location.hash, slides.length)));
  // Only the deck's own messages move it: anything else on the channel is ignored.
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const n = requestedSlide(event.data, slides.length);
    if (n !== undefined && n !== current) show(n, false);
  });

  show(nearestSlide(location.hash, slides.length), false);
  html.classList.add('deck-ready');
}
