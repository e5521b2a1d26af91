// The Phaser map, a chunk of its own (with Phaser, the map scene and the map's shapes): the
// page imports it once its panel is on screen, so the start screen is painted and usable
// while the 350 KB of Phaser is still downloading and compiling (Lighthouse's phone run found
// the panel's first paint waiting ~4 s behind it).
import Phaser from 'phaser';
import type { StoreApi } from 'zustand/vanilla';
import mapAsset from '../../assets/map/central-asia.json';
import type { GameStoreState } from '../store/gameStore';
import { mountMapControls } from '../ui/app';
import { MapScene } from '../scenes/MapScene';
import type { MapAsset } from '../map/mapAsset';

/** The Phaser map while a game is on. */
export interface RunningMap {
  readonly game: Phaser.Game;
  /**
   * Takes the map down for good (back to the start screen): the game destroyed with its
   * canvas, the zoom buttons unmounted, nothing left listening to the store or the page.
   */
  stop(): void;
}

/**
 * The Phaser map of `store`'s game in `mapRoot`: the canvas fills a stage shaped like the map
 * (index.html), the zoom buttons float over it.
 */
export function startMap(mapRoot: HTMLElement, store: StoreApi<GameStoreState>): RunningMap {
  // The canvas fills the stage (Scale.RESIZE); the stage is the map's own shape on a wide
  // screen and the whole box on a phone (index.html). The zoom buttons float over the map.
  const stage = document.createElement('div');
  stage.className = 'map-stage';
  const controls = document.createElement('div');
  controls.className = 'map-controls-host';
  mapRoot.replaceChildren(stage, controls);
  const unmountControls = mountMapControls(controls, store);
  const asset = mapAsset as MapAsset;
  const game = new Phaser.Game({
    // The Canvas renderer: the map is a few static layers composited into one texture, which
    // a 2D canvas draws as cheaply as an empty scene; software WebGL (what headless and
    // GPU-less machines get) pays ~100 ms a frame for the same full-screen quad.
    type: Phaser.CANVAS,
    // A canvas of its own, not one from Phaser's page-wide pool: Phaser leaves its input's
    // context-menu listeners on the canvas when the game is destroyed, and a pooled canvas,
    // reused by the next game, would keep every game left in memory through them.
    canvas: document.createElement('canvas'),
    parent: stage,
    width: Math.max(1, stage.clientWidth),
    height: Math.max(1, stage.clientHeight),
    backgroundColor: '#0d2535',
    scale: { mode: Phaser.Scale.RESIZE },
    scene: [new MapScene(store, asset)],
    banner: false,
    // The map makes no sound: without this Phaser creates an AudioContext at boot, which
    // alone took ~300 ms of the phone's main thread.
    audio: { noAudio: true },
  });
  // Marks the moment the map can be used (tests and `npm run bench:web` wait for it).
  game.events.once(Phaser.Core.Events.READY, () => {
    document.body.dataset.ready = 'map';
  });
  // A new layout (the projector view's wider panel, a phone turned) resizes the stage, not the window.
  // (refresh alone would keep the parent's last measured size: read it first.)
  const resized = new ResizeObserver(() => {
    if (game.scale.getParentBounds()) game.scale.refresh();
  });
  resized.observe(stage);
  // The map is hidden while the editor fills the window: its loop sleeps meanwhile (the map
  // scene holds it asleep), and on return the map fits itself again.
  const unsubscribe = store.subscribe((now, before) => {
    if (before.editorOpen && !now.editorOpen) {
      requestAnimationFrame(() => {
        if (!game.isRunning) return;
        game.scale.getParentBounds();
        game.scale.refresh();
      });
    }
  });
  return {
    game,
    stop() {
      resized.disconnect();
      unsubscribe();
      unmountControls();
      delete document.body.dataset.ready;
      // Phaser 4.2's texture manager leaves its own tile sprite in the page-wide canvas pool
      // when it is destroyed, and through it the whole game (scenes, textures): every game
      // left would stay in memory. Let go of it with the game.
      const { tileSprite } = game.textures;
      game.events.once(Phaser.Core.Events.DESTROY, () => Phaser.Display.Canvas.CanvasPool.remove(tileSprite));
      game.destroy(true);
      // Phaser destroys a game at its next step, and the map's loop sleeps while nothing moves
      // (src/scenes/nap.ts): woken, it steps at once and the game goes now, not never. A game
      // still booting starts its loop itself, and goes at its first step.
      if (game.isRunning && !game.loop.running) game.loop.wake();
    },
  };
}
