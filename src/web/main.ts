// The browser entry: one store, the DOM panels and the Phaser map, all reading it.
// First, before any module that builds a zod schema (see zodJitless.ts).
import './zodJitless';
import Phaser from 'phaser';
import mapAsset from '../../assets/map/central-asia.json';
import { createGameStore } from '../store/gameStore';
import type { GameStoreState, SaveStorage } from '../store/gameStore';
import type { StoreApi } from 'zustand/vanilla';
import { mountApp, mountMapControls } from '../ui/app';
import { projectorView } from '../ui/viewPrefs';
import { openShareLink } from '../ui/share';
import { MapScene } from '../scenes/MapScene';
import { workerPlayers } from './workerPlayers';
import { shippedScenarios } from './shipped';
import type { MapAsset } from '../map/mapAsset';
import { classroomRoute } from '../ui/classroom/route';

// The store catches every failure of the storage (full, disabled, refused) and says so.
const storage: SaveStorage = {
  get: (k) => window.localStorage.getItem(k),
  set: (k, v) => window.localStorage.setItem(k, v),
  remove: (k) => window.localStorage.removeItem(k),
};

/**
 * The Phaser map of `store`'s game in `mapRoot`: the canvas fills a stage shaped like the map
 * (index.html), the zoom buttons float over it. Returns the Phaser game.
 */
function startMap(mapRoot: HTMLElement, store: StoreApi<GameStoreState>): Phaser.Game {
  // The canvas fills the stage (Scale.RESIZE); the stage is the map's own shape on a wide
  // screen and the whole box on a phone (index.html). The zoom buttons float over the map.
  const stage = document.createElement('div');
  stage.className = 'map-stage';
  const controls = document.createElement('div');
  controls.className = 'map-controls-host';
  mapRoot.replaceChildren(stage, controls);
  mountMapControls(controls, store);
  const asset = mapAsset as MapAsset;
  const game = new Phaser.Game({
    // The Canvas renderer: the map is a few static layers composited into one texture, which
    // a 2D canvas draws as cheaply as an empty scene; software WebGL (what headless and
    // GPU-less machines get) pays ~100 ms a frame for the same full-screen quad.
    type: Phaser.CANVAS,
    parent: stage,
    width: Math.max(1, stage.clientWidth),
    height: Math.max(1, stage.clientHeight),
    backgroundColor: '#0d2535',
    scale: { mode: Phaser.Scale.RESIZE },
    scene: [new MapScene(store, asset)],
    banner: false,
  });
  // Marks the moment the map can be used (tests and `npm run bench:web` wait for it).
  game.events.once(Phaser.Core.Events.READY, () => {
    document.body.dataset.ready = 'map';
  });
  // A new layout (the projector view's wider panel, a phone turned) resizes the stage, not the window.
  // (refresh alone would keep the parent's last measured size: read it first.)
  new ResizeObserver(() => {
    if (game.scale.getParentBounds()) game.scale.refresh();
  }).observe(stage);
  return game;
}

const panel = document.getElementById('panel');
const mapRoot = document.getElementById('map');
// A classroom address (?classroom, ?facilitate=, ?projector=, ?join) opens the classroom app
// (its own chunk) instead of the game; nothing of the game's autosave is touched there.
const classroom = classroomRoute(window.location.search, window.location.hash);
if (panel && mapRoot && classroom) {
  void import('../ui/classroom/app').then(({ mountClassroom }) => mountClassroom(classroom, { panel, mapRoot, shipped: shippedScenarios(), startMap: (store) => void startMap(mapRoot, store) }));
} else if (panel && mapRoot) {
  // The large-text (projector) view is set before anything is drawn, so nothing jumps.
  projectorView();
  const store = createGameStore(storage, workerPlayers());
  const shipped = shippedScenarios();
  mountApp(panel, store, shipped);
  const game = startMap(mapRoot, store);
  // The map is hidden while the editor fills the window: its loop sleeps (the editor gets
  // the processor), and on return it wakes and fits itself again.
  store.subscribe((now, before) => {
    if (!before.editorOpen && now.editorOpen) game.loop.sleep();
    if (before.editorOpen && !now.editorOpen) {
      game.loop.wake();
      requestAnimationFrame(() => {
        game.scale.getParentBounds();
        game.scale.refresh();
      });
    }
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
