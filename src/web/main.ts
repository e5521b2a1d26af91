// The browser entry: one store, the DOM panels and the Phaser map, all reading it.
// First, before any module that builds a zod schema (see zodJitless.ts).
import './zodJitless';
import { createGameStore } from '../store/gameStore';
import type { GameStoreState, SaveStorage } from '../store/gameStore';
import type { StoreApi } from 'zustand/vanilla';
import { mountApp } from '../ui/app';
import { projectorView } from '../ui/viewPrefs';
import { openShareLink } from '../ui/share';
import { workerPlayers } from './workerPlayers';
import { shippedScenarios } from './shipped';
import { DEFAULT_SCENARIO } from '../ui/scenarioListing';
import type { ShippedScenarios } from '../ui/scenarioListing';
import { classroomRoute } from '../ui/classroom/route';
import type { StartPicture } from './startPicture';
import type { RunningMap } from './startMap';
import { prefetchMapWhenIdle } from './prefetch';
import { afterNextPaint } from './paint';

// The store catches every failure of the storage (full, disabled, refused) and says so.
const storage: SaveStorage = {
  get: (k) => window.localStorage.getItem(k),
  set: (k, v) => window.localStorage.setItem(k, v),
  remove: (k) => window.localStorage.removeItem(k),
};

/**
 * The map (Phaser and the map scene, a chunk of their own: src/web/startMap.ts), started once
 * it has arrived; the panel is on screen meanwhile. A failed download is said where the map
 * would be (the panel lists everything the map shows, so the game goes on without it). Null
 * also when `stillWanted` says, once it has arrived, that the game was left meanwhile.
 */
async function loadMap(mapRoot: HTMLElement, store: StoreApi<GameStoreState>, stillWanted: () => boolean = () => true): Promise<RunningMap | null> {
  try {
    const { startMap } = await import('./startMap');
    // Evaluating Phaser and starting the game are tasks of their own: together they held
    // the main thread for one long stretch, which a phone feels as a frozen page.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return stillWanted() ? startMap(mapRoot, store) : null;
  } catch {
    const note = document.createElement('p');
    note.className = 'message error';
    note.textContent = 'The map could not be downloaded. The panel shows the same information; reload the page to try again.';
    mapRoot.replaceChildren(note);
    return null;
  }
}

const panel = document.getElementById('panel');
const mapRoot = document.getElementById('map');
// A classroom address (?classroom, ?facilitate=, ?projector=, ?join) opens the classroom app
// (its own chunk) instead of the game; nothing of the game's autosave is touched there.
const classroom = classroomRoute(window.location.search, window.location.hash);
if (panel && mapRoot && classroom) {
  void import('../ui/classroom/app').then(({ mountClassroom }) => mountClassroom(classroom, { panel, mapRoot, shipped: shippedScenarios(), startMap: (store) => void loadMap(mapRoot, store) }));
} else if (panel && mapRoot) {
  // The large-text (projector) view is set before anything is drawn, so nothing jumps.
  projectorView();
  const store = createGameStore(storage, workerPlayers());
  // The form's first paint comes before the chosen scenario's download and the start picture
  // (src/web/paint.ts): on a phone they held back the page's largest paint.
  const formPainted = afterNextPaint(window);
  const everyShipped = shippedScenarios();
  const shipped: ShippedScenarios = { ...everyShipped, fetchAhead: (id) => void formPainted.then(() => everyShipped.fetchAhead(id)) };
  // The start picture frames the scenario chosen on the start screen (the picture arrives a
  // little after the panel: it is shown framed on the latest choice, then follows it).
  let chosenMapIds: readonly string[] = (shipped.listings.find((l) => l.id === DEFAULT_SCENARIO) ?? shipped.listings[0])?.contestedMapIds ?? [];
  let picture: StartPicture | null = null;
  mountApp(panel, store, shipped, (listing) => {
    chosenMapIds = listing?.contestedMapIds ?? [];
    picture?.frame(chosenMapIds);
  });
  // Phaser runs while a game is on (autosaved, started, or played from the editor); on the
  // start screen the map is a still picture (startPicture.ts), so the page's start is not
  // held up by Phaser's evaluation (Lighthouse's phone run, issue 11). Leaving a game (New
  // game, the debrief's way out, back to the editor) destroys the Phaser game and shows the
  // picture again, framed on the scenario chosen, as on the page's first visit: a Phaser map
  // kept for the start screen would frame the whole map and hold its canvas and textures.
  /** Counts the maps asked for and left: a map that arrives after its game was left is not started. */
  let mapsAsked = 0;
  let map: RunningMap | null = null;
  let everStarted = false;
  const showPicture = (): void => {
    const asked = mapsAsked;
    void import('./startPicture')
      .then(({ showStartPicture }) => {
        if (asked === mapsAsked && !map) picture = showStartPicture(mapRoot, chosenMapIds);
      })
      // A picture that fails to download leaves the map's place empty: nothing on it is needed.
      .catch(() => undefined)
      // Then the map's modules are fetched (not run) while the start screen idles, so the first
      // Start waits only for Phaser's evaluation; not before the picture, whose download they
      // would slow. A game resumed at once starts the map itself.
      .finally(() => {
        if (!everStarted) prefetchMapWhenIdle(window, () => !everStarted);
      });
  };
  const startTheMap = (): void => {
    const asked = ++mapsAsked;
    everStarted = true;
    // The map takes the picture's place.
    picture = null;
    void loadMap(mapRoot, store, () => asked === mapsAsked).then((started) => {
      if (started) map = started;
    });
  };
  const stopTheMap = (): void => {
    mapsAsked++;
    map?.stop();
    map = null;
    showPicture();
  };
  store.subscribe((now, before) => {
    if (now.session && !before.session) startTheMap();
    else if (!now.session && before.session) stopTheMap();
  });
  void formPainted.then(() => {
    if (mapsAsked === 0) showPicture();
  });
  // Drop a save or a scenario file anywhere on the page.
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files[0];
    if (f) void f.text().then((text) => store.getState().openFile(f.name, text));
  });
  // Reopening the page continues the autosaved game (or says why it cannot).
  store.getState().resumeAutosave();
  // A share link carries a scenario in the fragment: it is offered on the start screen, and
  // never replaces a game. A link pasted into this tab's address bar changes only the hash.
  const shippedTitles = new Map(shipped.listings.map((x) => [x.id, x.title]));
  openShareLink(store, window.location.hash, shippedTitles);
  window.addEventListener('hashchange', () => openShareLink(store, window.location.hash, shippedTitles));
}
