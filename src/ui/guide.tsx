// The guided first turn (issue 11, "a first game that teaches itself"): a compact box docked
// in the turn bar at the panel's foot, in sight beside End turn and never over the map, that
// walks a newcomer through a turn on the real controls. The steps and which one shows are
// guideSteps.ts (pure); the words come from the scenario (the engine's rulesCard and
// countryWorths, as How to play says them). Offered on the start screen until it has been
// finished or skipped once (remembered under `new-great-game/guide-done`), and again from
// the game's tools. Non-modal: a labelled region whose step text is a polite live region;
// Escape closes it; "Show me" puts the focus on the control a step names.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Scenario } from '../engine';
import { countryWorths, describeWorth } from '../engine';
import type { GameSession } from '../store/gameStore';
import type { GuideStepId } from './guideSteps';
import { GUIDE_STEPS, guideStep, seenAfterNext } from './guideSteps';
import { useGameStore } from './storeHooks';

export const GUIDE_DONE_KEY = 'new-great-game/guide-done';

interface GuideState {
  open: boolean;
  /** Steps moved past with Next. */
  seen: number;
  /** The game and its turns played when the guide began in it. */
  baseline: { gameId: string; turns: number } | null;
  /** The player has just asked for it: its first step takes the focus (and is read out). */
  focus: boolean;
}

let state: GuideState = { open: false, seen: 0, baseline: null, focus: false };
const listeners = new Set<(s: GuideState) => void>();
const set = (next: Partial<GuideState>): void => {
  state = { ...state, ...next };
  for (const l of listeners) l(state);
};

/** Whether the guide has been finished or skipped on this browser. */
export function guideDone(): boolean {
  try {
    return window.localStorage.getItem(GUIDE_DONE_KEY) === 'yes';
  } catch {
    return false;
  }
}

/** Opens the guide at its first step; it begins counting from the game showing (or the next one started). */
export function startGuide(): void {
  set({ open: true, seen: 0, baseline: null, focus: true });
}

/** Closes the guide (finished, skipped or Escape) and remembers it, so it is not offered again. */
export function closeGuide(): void {
  try {
    window.localStorage.setItem(GUIDE_DONE_KEY, 'yes');
  } catch {
    // A browser that keeps nothing offers the guide again next visit; nothing else is lost.
  }
  set({ open: false, focus: false });
}

function useGuideState(): GuideState {
  const [value, setValue] = useState(state);
  useEffect(() => {
    listeners.add(setValue);
    setValue(state);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}

/** Whether the start screen offers the guide: not once it has been finished or skipped. */
export function useGuideOffered(): boolean {
  const s = useGuideState();
  return !s.open && !guideDone();
}

/** Where each step points: the control's selector, and its name for "Show me". */
const TARGETS: Record<GuideStepId, { selector: string; name: string }> = {
  win: { selector: '.rules-card > summary', name: 'How to play' },
  select: { selector: '.country-buttons button', name: 'the first country' },
  queue: { selector: '.orders button[data-key^="queue-"]:not([aria-disabled])', name: 'the first Queue order' },
  preview: { selector: '.turn-preview h3', name: 'the preview' },
  end: { selector: '.turn-bar button[data-key="end-turn"]', name: 'End turn' },
  summary: { selector: '#report-title', name: 'the turn report' },
  later: { selector: '#events-title', name: 'Events ahead' },
};

function stepText(id: GuideStepId, s: Scenario, selectedName: string | null): string {
  switch (id) {
    case 'win': {
      // The rules card's own words (How to play): a country's worth and its control margin.
      const worth = countryWorths(s)[0];
      return `Points win: each turn every contested country scores for the power that leads it.${worth ? ` ${worth.name} is ${describeWorth(worth)}.` : ''} More in How to play.`;
    }
    case 'select':
      return 'Select a country on the map or with its button under Countries, and read its panel: who leads, what control needs, your orders there.';
    case 'queue':
      return `Each order${selectedName ? ` for ${selectedName}` : ''} previews what it will change, how well it lands, and its cost. Press Queue order on one (Undo takes it back).`;
    case 'preview':
      return '"This turn if the rival passes", under your orders, plays your turn ahead: each country\'s influence before → after, who would lead, the points.';
    case 'end':
      return 'Press End turn. The rival orders in secret; then every order lands at once and the republics answer.';
    case 'summary':
      return 'The turn report opens with a line per country: its net change, who holds it, who scored. "Every change and its cause" unfolds beneath.';
    case 'later':
      return 'How to play keeps the rules and the map legend; Events ahead shows what may happen next. Show the guide again is under Game.';
  }
}

/** Puts the focus on the control a step names (a heading is made focusable for it), in view. */
function showMe(selector: string): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) return;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'nearest' });
  el.focus();
}

/** The step showing in `session` for the player at `power`. */
function guideStepNow(g: GuideState, session: GameSession, power: string, selected: string | null): number {
  const b = g.baseline;
  const turnPlayed = b !== null && b.gameId === session.gameId && session.record.turns.length > b.turns;
  return guideStep(g.seen, { selected: selected !== null, queued: (session.pending.get(power) ?? []).length, turnPlayed });
}

/** The guide box, in the turn bar of a person's turn while the guide is open. */
export function GuideBox({ session, power }: { session: GameSession; power: string }) {
  const g = useGuideState();
  const selected = useGameStore((x) => x.selectedCountry);
  const turns = session.record.turns.length;
  const stale = g.baseline === null || g.baseline.gameId !== session.gameId;
  useEffect(() => {
    if (g.open && stale) set({ baseline: { gameId: session.gameId, turns } });
  }, [g.open, stale, session.gameId, turns]);
  // Asked for (Start with the guide, Show the guide again): the focus goes to its first step,
  // so a screen reader reads it; Tab goes on to Show me, Next, Skip and End turn.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!g.open || !g.focus || !title.current) return;
    title.current.focus();
    set({ focus: false });
  }, [g.open, g.focus]);
  // The control the step names is outlined while the step shows.
  const targetSelector = g.open ? TARGETS[GUIDE_STEPS[guideStepNow(g, session, power, selected)]?.id ?? 'win'].selector : null;
  useEffect(() => {
    const el = targetSelector === null ? null : document.querySelector(targetSelector);
    el?.setAttribute('data-guide-target', '');
    return () => el?.removeAttribute('data-guide-target');
  });
  if (!g.open) return null;
  const s = session.scenario;
  const at = guideStepNow(g, session, power, selected);
  const step = GUIDE_STEPS[at];
  if (!step) return null;
  const last = at === GUIDE_STEPS.length - 1;
  const target = TARGETS[step.id];
  const selectedName = selected === null ? null : (s.countries.find((c) => c.id === selected)?.name ?? null);
  return (
    <section
      class="guide"
      aria-labelledby="guide-title"
      data-testid="guide"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          closeGuide();
        }
      }}
    >
      <div aria-live="polite" aria-atomic="true">
        <h2 id="guide-title" tabIndex={-1} ref={title}>{`Guided turn, step ${at + 1} of ${GUIDE_STEPS.length}: ${step.heading}`}</h2>
        <p data-testid="guide-text">{stepText(step.id, s, selectedName)}</p>
      </div>
      <div class="guide-buttons">
        <button type="button" data-key="guide-show" aria-label={`Show me: ${target.name}`} onClick={() => showMe(target.selector)}>
          Show me
        </button>
        {step.next && (
          <button type="button" data-key="guide-next" onClick={() => (last ? closeGuide() : set({ seen: seenAfterNext(g.seen, at) }))}>
            {last ? 'Done' : 'Next'}
          </button>
        )}
        {!last && (
          <button type="button" data-key="guide-skip" aria-label="Skip the guide (Escape)" onClick={closeGuide}>
            Skip
          </button>
        )}
      </div>
    </section>
  );
}

/** "Show the guide again", in the game's tools. */
export function ShowGuideAgain() {
  const g = useGuideState();
  return (
    <button type="button" data-key="guide-again" disabled={g.open} onClick={startGuide}>
      {g.open ? 'The guide is open (at the foot of the panel)' : 'Show the guide again'}
    </button>
  );
}
