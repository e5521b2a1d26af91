// The map of Central Asia. Draws what the store holds and sends intents to it; holds
// no game state. Shapes are drawn with off-screen Graphics and composited into one
// RenderTexture only when the game changes: each frame then draws a single texture
// (plus the text labels) instead of replaying thousands of polygon points.
import Phaser from 'phaser';
import type { StoreApi } from 'zustand/vanilla';
import type { GameState, Scenario, TurnReport } from '../engine';
import { controller, own, standing } from '../engine';
import type { GameStoreState } from '../store/gameStore';
import type { MapAsset } from '../map/mapAsset';
import { countryAt } from '../map/mapAsset';
import { makeProjection, projectPoint } from '../map/projection';
import { hatchSegments } from '../map/hatch';
import { scenarioFrame } from '../map/frame';
import type { Frame } from '../map/frame';
import { fillView } from '../map/fill';
import { CONTEXT as CONTEXT_HEX, HATCH as HATCH_HEX, NEUTRAL as NEUTRAL_HEX, ROUTE_CASING as CASING_HEX, fillAlpha, mapTints, patternOf } from '../map/palette';
import type { Project } from '../engine';
import { Nap } from './nap';

const hex = (color: string): number => Number.parseInt(color.slice(1), 16);
const NEUTRAL = hex(NEUTRAL_HEX);
const CONTEXT = hex(CONTEXT_HEX);
const HATCH = hex(HATCH_HEX);
const CASING = hex(CASING_HEX);
/** Hatching: world px between lines (the map texture is drawn once per change, so this costs nothing a frame). */
const HATCH_SPACING = 11;
/** Labels keep one size on screen whatever the zoom (px): a country's name, a capital's, another city's. */
const COUNTRY_PX = 13;
const CAPITAL_PX = 11;
const CITY_PX = 10;
/** World px between a city's dot and its name. */
const CITY_GAP = 5;
/**
 * Where a city's name may sit beside its dot, in order of preference: right of it (as the eye
 * reads on), left of it, above, below. Each is the label's origin and its offset from the dot.
 */
const CITY_SIDES: readonly { origin: [number, number]; at: [number, number] }[] = [
  { origin: [0, 0.5], at: [CITY_GAP, 0] },
  { origin: [1, 0.5], at: [-CITY_GAP, 0] },
  { origin: [0.5, 1], at: [0, -CITY_GAP] },
  { origin: [0.5, 0], at: [0, CITY_GAP] },
];
/** The font size the label textures are drawn at (world px at scale 1). */
const COUNTRY_FONT = 15;
/** The longest the context layer is drawn without yielding to the page (ms): 50 ms, Lighthouse's long task, at its phone's 4× slowdown. */
const CONTEXT_SLICE_MS = 10;
/** `drawnFor` before anything is drawn. */
const NOT_DRAWN = Symbol('not drawn');
/** The next task: what is queued meanwhile (input, paint) runs first. A message, unlike setTimeout, is not slowed to 4 ms or more. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
/** Below this zoom a scenario's countries and cities together are too small to read (a phone): the view frames its contested countries alone. */
const FRAME_BELOW = 0.45;

export class MapScene extends Phaser.Scene {
  private unsubscribe: (() => void) | null = null;
  private board = new Map<string, Phaser.GameObjects.Graphics>();
  private labels = new Map<string, Phaser.GameObjects.Text>();
  private context: Phaser.GameObjects.Graphics | null = null;
  private projects: Phaser.GameObjects.Graphics | null = null;
  private selection: Phaser.GameObjects.Graphics | null = null;
  private layer: Phaser.GameObjects.RenderTexture | null = null;
  private contextLayer: Phaser.GameObjects.RenderTexture | null = null;
  /** Counts the context layer's drawings: a drawing under way stops when a newer one starts. */
  private contextDrawing = 0;
  private cities: Phaser.GameObjects.Graphics | null = null;
  private texts: Phaser.GameObjects.Text[] = [];
  /** The scenario the static layers were drawn for (null: none, the start screen's map); nothing drawn yet at first. */
  private drawnFor: unknown = NOT_DRAWN;
  private tooltip: Phaser.GameObjects.Text | null = null;
  /** The event cards on the map now, with where each sits on screen (px from the canvas's top). */
  private cards: { card: Phaser.GameObjects.Text; title: string; top: number; bottom: number }[] = [];
  /** Each country's leader and lead at the last refresh, to animate what changed. */
  private lastStanding = new Map<string, string>();
  /** How many turn reports had been animated. */
  private reportsSeen = 0;
  private centredOn: string | null = null;
  /** The city labels, the on-screen size each keeps, and the city's dot (world px) they sit beside. */
  private cityLabels: { text: Phaser.GameObjects.Text; px: number; font: number; dot: [number, number] }[] = [];
  /** The part of the map the view frames at zoom 1 on a small screen: the scenario's contested countries. */
  private frame = { x: 0, y: 0, w: 0, h: 0 };
  /** …and on a screen where that reads: its contested countries and its cities on the map. */
  private wideFrame = { x: 0, y: 0, w: 0, h: 0 };
  /** What the view keeps whole when it fills a box of other proportions (src/map/fill.ts): the contested countries, no margin. */
  private core = { x: 0, y: 0, w: 0, h: 0 };
  /** The camera's zoom at the store's zoom 1 (the frame fitted to the canvas). */
  private baseZoom = 1;
  private appliedZoom = 0;
  /** The current scenario's powers: the map's tint (src/map/palette.ts) and hatching pattern of each. */
  private looks = new Map<string, { tint: number; pattern: { name: string; angles: readonly number[] } }>();
  /** A pinch under way: the fingers' distance and the store's zoom when it began, and the world point that was between the fingers. */
  private pinch: { dist: number; zoom: number; wx: number; wy: number } | null = null;
  /** Set from a pinch's start until its last finger lifts. */
  private pinched = false;
  /** The view last written on the canvas's box for the browser tests. */
  private viewKey = '';
  /** The wheel's pointer (screen and world point): the next zoom keeps that world point under it. */
  private zoomAnchor: { sx: number; sy: number; wx: number; wy: number } | null = null;
  /** Hatching segments by country and angle, made once per scenario. */
  private hatches = new Map<string, [number, number, number, number][]>();
  /** Puts Phaser's loop to sleep while nothing on the map moves (./nap.ts). */
  private nap: Nap | null = null;

  private readonly projection: ReturnType<typeof makeProjection>;

  constructor(
    private readonly store: StoreApi<GameStoreState>,
    private readonly asset: MapAsset,
  ) {
    super('map');
    this.projection = makeProjection(asset.projection);
  }

  /** A project's route in map pixels, stop by stop. */
  private routePoints(s: Scenario, def: Project): [number, number][] {
    return def.route
      .map((id) => s.cities.find((c) => c.id === id))
      .flatMap((c) => (c ? [projectPoint(this.projection, c.lon, c.lat)] : []))
      .filter((p): p is [number, number] => p !== null);
  }

  create(): void {
    this.frame = { x: 0, y: 0, w: this.asset.width, h: this.asset.height };
    this.wideFrame = this.frame;
    this.core = this.frame;
    // Created once and reused for every game: rebuilding them per game would leak textures.
    // The context countries have a layer of their own beneath the game's: drawn once per
    // scenario (a few countries a task, see drawContext), never again when the game changes.
    this.contextLayer = this.add.renderTexture(0, 0, this.asset.width, this.asset.height).setOrigin(0, 0);
    this.layer = this.add.renderTexture(0, 0, this.asset.width, this.asset.height).setOrigin(0, 0);
    this.context = this.make.graphics({}, false);
    this.projects = this.make.graphics({}, false);
    this.selection = this.make.graphics({}, false);
    this.cities = this.make.graphics({}, false);
    // A second touch pointer (Phaser starts with one): two fingers pinch.
    this.input.addPointer(1);
    this.nap = new Nap(this.game.loop);
    // Anything the pointer does may move the view or the tooltip: the loop wakes to draw it.
    for (const type of ['pointerdown', 'pointerup', 'pointermove', 'wheel']) this.input.on(type, () => this.stir());
    this.input.on('pointerdown', () => this.pinchStep());
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      const down = [this.input.pointer1, this.input.pointer2].filter((q) => q?.isDown).length;
      if (down < 2) this.pinch = null;
      // The fingers of a pinch lift one by one: neither is a click on the country beneath.
      if (this.pinched) {
        if (down === 0) this.pinched = false;
        return;
      }
      if (p.getDistance() > 6) return; // a drag, not a click
      this.clickAt(p.worldX, p.worldY);
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (this.pinchStep()) return;
      if (!p.isDown) {
        this.hover(p.worldX, p.worldY);
        return;
      }
      const cam = this.cameras.main;
      cam.scrollX -= (p.x - p.prevPosition.x) / cam.zoom;
      cam.scrollY -= (p.y - p.prevPosition.y) / cam.zoom;
    });
    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      const [wx, wy] = this.worldAt(p.x, p.y);
      this.zoomAnchor = { sx: p.x, sy: p.y, wx, wy };
      this.store.getState().setZoom(this.store.getState().zoom * (dy > 0 ? 0.9 : 1.1));
    });
    this.unsubscribe = this.store.subscribe(() => this.refresh());
    // The canvas fills its box (Scale.RESIZE): a new size fits the view again.
    const resized = (): void => {
      this.fitView(true);
      this.stir();
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, resized);
    // The zoom buttons appear (a game starts) after the scene has framed it, the panel being
    // drawn on its own schedule: the frame, fitted below them, is fitted again then (unless
    // the player has zoomed in meanwhile).
    const controls = (this.game.canvas as HTMLCanvasElement | null)?.parentElement?.parentElement?.querySelector('.map-controls-host');
    const buttonsMoved = new ResizeObserver(() => {
      if (this.store.getState().zoom === 1) {
        this.fitView(true);
        this.stir();
      }
    });
    if (controls) buttonsMoved.observe(controls);
    // A destroyed game (back to the start screen, src/web/startMap.ts) destroys its scenes
    // without shutting them down: either way the store and the page let go of the scene, and
    // the nap never wakes a loop that is gone.
    const letGo = (): void => {
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.scale.off(Phaser.Scale.Events.RESIZE, resized);
      buttonsMoved.disconnect();
      this.nap?.hold(true, performance.now());
      this.nap = null;
    };
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, letGo);
    this.events.once(Phaser.Scenes.Events.DESTROY, letGo);
    this.refresh();
  }

  /**
   * Two fingers down: zooms by how far they have spread since the pinch began (the store
   * clamps it as it does the buttons' zoom) and keeps the world point that was between
   * them between them, so the map also follows the fingers as they move together. False
   * when fewer than two fingers are down.
   */
  private pinchStep(): boolean {
    const a = this.input.pointer1;
    const b = this.input.pointer2 as Phaser.Input.Pointer | undefined;
    if (!a.isDown || !b?.isDown) return false;
    const sx = (a.x + b.x) / 2;
    const sy = (a.y + b.y) / 2;
    const dist = Math.max(1, Math.hypot(a.x - b.x, a.y - b.y));
    if (!this.pinch) {
      const [wx, wy] = this.worldAt(sx, sy);
      this.pinch = { dist, zoom: this.store.getState().zoom, wx, wy };
      this.pinched = true;
      return true;
    }
    const { wx, wy } = this.pinch;
    this.zoomAnchor = { sx, sy, wx, wy };
    this.store.getState().setZoom((this.pinch.zoom * dist) / this.pinch.dist);
    // At a limit of the zoom the store changes nothing and no zoom follows: the view still pans with the fingers.
    this.keepUnder(sx, sy, wx, wy);
    return true;
  }

  /** Scrolls so that the world point (wx, wy) lies under the canvas point (sx, sy), as far as the view's bounds let it. */
  private keepUnder(sx: number, sy: number, wx: number, wy: number): void {
    const cam = this.cameras.main;
    const [x, y] = this.worldAt(sx, sy);
    cam.setScroll(cam.scrollX + wx - x, cam.scrollY + wy - y);
  }

  /** The camera's zoom and the world point at the canvas's top left corner, on the canvas's box when they change (the browser tests read them). */
  override update(): void {
    const cam = this.cameras.main;
    // Asleep once nothing moves; a tween (a label's pulse, an event card) or a pan keeps it up.
    if (this.nap?.settle(performance.now(), this.tweens.getTweens().length > 0 || cam.panEffect.isRunning)) this.markNap();
    const key = `${cam.zoom} ${cam.scrollX} ${cam.scrollY} ${cam.width} ${cam.height}`;
    if (key === this.viewKey) return;
    this.viewKey = key;
    const host = (this.game.canvas as HTMLCanvasElement | null)?.parentElement;
    const [left, top] = this.worldAt(0, 0);
    if (host) host.dataset.view = JSON.stringify({ zoom: cam.zoom, left, top });
  }

  /** Wakes the loop for a change (it draws on the next frames, then naps again). */
  private stir(): void {
    this.nap?.stir(performance.now());
    this.markNap();
  }

  /** Whether the loop sleeps, on the canvas's box for the browser tests (`data-loop`: awake or asleep). */
  private markNap(): void {
    const host = (this.game.canvas as HTMLCanvasElement | null)?.parentElement;
    // A stir wakes the loop a moment later (./nap.ts): it counts as awake from the stir.
    if (host) host.dataset.loop = this.nap?.asleep && !this.nap.stirring ? 'asleep' : 'awake';
  }

  private scenario(): Scenario | null {
    return this.store.getState().session?.scenario ?? null;
  }

  private clickAt(x: number, y: number): void {
    const s = this.scenario();
    if (!s) return;
    const byMap = new Map(s.countries.filter((c) => c.role === 'contested').map((c) => [c.mapId, c.id]));
    const hit = countryAt(this.asset, x, y, new Set(byMap.keys()));
    this.store.getState().selectCountry(hit ? (byMap.get(hit) ?? null) : null);
  }

  /** Events appear as cards on the map that fade out; finished projects flash along their route. */
  private animateReport(report: TurnReport): void {
    const s = this.scenario();
    if (!s) return;
    const cam = this.cameras.main;
    // Cards sit at the top of the view as it is now, one size on screen whatever the zoom.
    const cardPx = Math.max(12, Math.min(22, cam.width / 40));
    // Below the zoom buttons that float over the map's top corner (44 px targets and their
    // margins); each card under the one before by its own height, as a narrow view wraps a
    // title onto two lines.
    let top = 72;
    // A turn played before the last one's cards have faded (a quick player, hot seat) would
    // lay its cards over them: the last turn's go first.
    for (const old of this.cards) {
      this.tweens.killTweensOf(old.card);
      old.card.destroy();
    }
    this.cards = [];
    report.events.forEach((e, i) => {
      const [x, y] = this.worldAt(cam.width / 2, top);
      const card = this.add
        .text(x, y, e.title, { fontFamily: 'system-ui, sans-serif', fontSize: '22px', color: '#10151c', backgroundColor: '#ffd84d', padding: { x: 10, y: 6 }, wordWrap: { width: Math.max(200, (cam.width - 24) * (22 / cardPx)) } })
        .setOrigin(0.5, 0)
        .setScale(cardPx / 22 / cam.zoom)
        .setDepth(20);
      const height = card.displayHeight * cam.zoom;
      const shown = { card, title: e.title, top, bottom: top + height };
      this.cards.push(shown);
      top += height + 6;
      this.tweens.add({
        targets: card,
        alpha: { from: 1, to: 0 },
        delay: 2500 + i * 400,
        duration: 900,
        onComplete: () => {
          card.destroy();
          this.cards = this.cards.filter((c) => c !== shown);
        },
      });
    });
    // Where the cards on the map sit (px from the canvas's top), for the browser tests.
    const host = (this.game.canvas as HTMLCanvasElement | null)?.parentElement;
    if (host) host.dataset.eventCards = JSON.stringify(this.cards.map(({ title, top, bottom }) => ({ title, top, bottom })));
    for (const c of report.changes) {
      if (!c.path.startsWith('projects.') || !String(c.to).startsWith('built')) continue;
      const def = s.projects.find((p) => `projects.${p.id}` === c.path);
      if (!def) continue;
      const flash = this.add.graphics().setDepth(15);
      flash.lineStyle(9, 0xffffff, 1);
      const pts = this.routePoints(s, def);
      for (let i = 1; i < pts.length; i++) flash.lineBetween(...(pts[i - 1] as [number, number]), ...(pts[i] as [number, number]));
      this.tweens.add({ targets: flash, alpha: { from: 1, to: 0 }, duration: 1800, repeat: 0, onComplete: () => flash.destroy() });
    }
  }

  /** Tooltip: the country under the pointer, who leads it and its stability. */
  private hover(x: number, y: number): void {
    const session = this.store.getState().session;
    if (!session) return;
    // Made at the first hover, not with the map: a text measures its font as it is made, and a phone never hovers.
    const tip = (this.tooltip ??= this.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '14px', color: '#10151c', backgroundColor: '#fff8dd', padding: { x: 6, y: 4 } }).setDepth(10).setVisible(false));
    const s = session.scenario;
    const mapId = countryAt(this.asset, x, y, new Set(s.countries.filter((c) => c.role === 'contested').map((c) => c.mapId)));
    const def = s.countries.find((c) => c.mapId === mapId);
    if (!def) {
      tip.setVisible(false);
      return;
    }
    let text = def.name;
    const st = own(session.record.state.countries, def.id);
    if (def.role === 'contested' && st) {
      const lead = standing(s.powers.map((p) => p.id), st);
      const leader = s.powers.find((p) => p.id === lead.leader);
      text += `\n${leader ? `${leader.name} leads by ${lead.lead}` : 'no leader'} · stability ${st.stability}\n${s.powers.map((p) => `${p.name} ${own(st.influence, p.id) ?? 0}`).join(' · ')}`;
    } else text += ' (not contested)';
    const z = this.cameras.main.zoom;
    tip.setText(text).setScale(1 / z).setPosition(x + 14 / z, y + 14 / z).setVisible(true);
  }

  /** Static layer for the current scenario: context countries, board outlines, cities. */
  private drawScenario(): void {
    const s = this.scenario();
    for (const t of this.texts) t.destroy();
    this.texts = [];
    this.cityLabels = [];
    for (const g of this.board.values()) g.destroy();
    this.board.clear();
    this.labels.clear();
    for (const g of [this.context, this.projects, this.selection, this.cities]) g?.clear();
    this.tooltip?.setVisible(false);
    const contested = new Map(s?.countries.filter((c) => c.role === 'contested').map((c) => [c.mapId, c]) ?? []);
    const tints = mapTints(s?.powers.map((p) => p.color) ?? []);
    this.looks = new Map(s?.powers.map((p, i) => [p.id, { tint: hex(tints[i] ?? p.color), pattern: patternOf(i) }]) ?? []);
    this.hatches.clear();
    void this.drawContext(new Set(contested.keys()));
    for (const [mapId, def] of contested) {
      // A custom scenario may name a country the map has no shape for: it is simply not drawn.
      const shape = this.asset.countries.find((c) => c.mapId === mapId);
      if (!shape) continue;
      const g = this.make.graphics({}, false);
      g.setData('rings', shape.rings);
      this.board.set(def.id, g);
    }
    if (!s) {
      this.composite();
      return;
    }
    const cities = this.cities;
    if (!cities) return;
    for (const city of s.cities) {
      const p = projectPoint(this.projection, city.lon, city.lat);
      if (!p) continue;
      cities.fillStyle(0xffffff, 1).fillCircle(p[0], p[1], city.capital ? 4 : 2.5);
      const text = this.addText(p[0] + CITY_GAP, p[1], city.name, { fontFamily: 'system-ui, sans-serif', fontSize: city.capital ? '13px' : '11px', color: '#ffffff', stroke: '#10151c', strokeThickness: 3 }).setOrigin(0, 0.5).setAlpha(city.capital ? 1 : 0.85);
      this.cityLabels.push({ text, px: city.capital ? CAPITAL_PX : CITY_PX, font: city.capital ? 13 : 11, dot: [p[0], p[1]] });
    }
    for (const def of contested.values()) {
      const shape = this.asset.countries.find((c) => c.mapId === def.mapId);
      if (!shape) continue;
      const [cx, cy] = centroid(shape.rings);
      const label = this.addText(cx, cy, def.name, { fontFamily: 'system-ui, sans-serif', fontSize: `${COUNTRY_FONT}px`, color: '#10151c', backgroundColor: '#f4efe2cc', padding: { x: 4, y: 2 }, align: 'center' }).setOrigin(0.5);
      label.setData('home', [cx, cy]);
      this.labels.set(def.id, label);
    }
    this.frame = scenarioFrame(this.asset, this.projection, s, false);
    this.wideFrame = scenarioFrame(this.asset, this.projection, s, true);
    this.core = scenarioFrame(this.asset, this.projection, s, false, 0);
    this.fitView(true);
    this.lastStanding.clear();
    this.reportsSeen = this.store.getState().session?.reports.length ?? 0;
  }

  /** A text object owned by the current scenario's drawing (destroyed when it is redrawn). */
  private addText(x: number, y: number, text: string, style: Phaser.Types.GameObjects.Text.TextStyle): Phaser.GameObjects.Text {
    const t = this.add.text(x, y, text, style);
    this.texts.push(t);
    return t;
  }

  private fillRing(g: Phaser.GameObjects.Graphics, ring: readonly number[], stroke: boolean): void {
    const pts: Phaser.Math.Vector2[] = [];
    for (let i = 0; i < ring.length; i += 2) pts.push(new Phaser.Math.Vector2(ring[i], ring[i + 1]));
    g.fillPoints(pts, true);
    if (stroke) g.strokePoints(pts, true);
  }

  /** Redraws what depends on the game: fills, leader labels, projects, selection. */
  private refresh(): void {
    const state = this.store.getState();
    const session = state.session;
    // Hidden behind the editor, the map sleeps whatever changes (the editor gets the processor).
    this.nap?.hold(state.editorOpen, performance.now());
    this.stir();
    // Once per scenario (the start screen's map is drawn for none).
    if ((session?.scenario ?? null) !== this.drawnFor) {
      this.drawnFor = session?.scenario ?? null;
      this.drawScenario();
    }
    if (this.appliedZoom !== state.zoom) {
      const closer = state.zoom > this.appliedZoom;
      this.fitView(state.zoom === 1);
      this.zoomTowards(closer ? state.selectedCountry : null);
      const canvas = this.game.canvas as HTMLCanvasElement | null;
      // Where the view is centred after a zoom (world px), for the browser tests.
      const mid = this.worldAt(this.cameras.main.width / 2, this.cameras.main.height / 2);
      if (canvas?.parentElement) canvas.parentElement.dataset.viewCentre = mid.map(Math.round).join(',');
    }
    this.zoomAnchor = null;
    if (!session) return;
    const s = session.scenario;
    const powerIds = s.powers.map((p) => p.id);
    // The replay viewer shows a past state; otherwise the game as it stands.
    const shown = state.replay ? (state.replay.states[state.replay.index] ?? session.record.state) : session.record.state;
    const cues: { country: string; leader: string | null; pattern: string | null; control: boolean; at: [number, number] }[] = [];
    let relabelled = false;
    for (const [id, g] of this.board) {
      const st = own(shown.countries, id);
      if (!st) continue;
      const lead = standing(powerIds, st);
      const scoring = controller(s, shown, id) !== null;
      const power = s.powers.find((p) => p.id === lead.leader);
      const look = power ? this.looks.get(power.id) : undefined;
      g.clear();
      g.fillStyle(NEUTRAL, 1).lineStyle(2, 0x111111, 1);
      const rings = g.getData('rings') as number[][];
      for (const ring of rings) this.fillRing(g, ring, true);
      if (power && look) {
        // Stronger colour the larger the lead; full once the lead scores.
        g.fillStyle(look.tint, fillAlpha(lead.lead, scoring));
        for (const ring of rings) this.fillRing(g, ring, false);
        // The second cue, for any colour vision: the leader's own hatching, bolder once it scores.
        g.lineStyle(scoring ? 2.6 : 1.6, HATCH, scoring ? 0.55 : 0.4);
        for (const angle of look.pattern.angles) for (const seg of this.hatchOf(id, rings, angle)) g.lineBetween(...seg);
      }
      const [ax, ay] = centroid(rings);
      cues.push({ country: id, leader: power?.id ?? null, pattern: look?.pattern.name ?? null, control: scoring, at: [Math.round(ax), Math.round(ay)] });
      const def = s.countries.find((c) => c.id === id);
      const text = `${def?.name ?? id}\n${power ? `${power.name} +${lead.lead}${scoring ? ' ★' : ''}` : 'no leader'}`;
      const label = this.labels.get(id);
      const before = this.lastStanding.get(id);
      this.lastStanding.set(id, text);
      if (label && label.text !== text) {
        label.setText(text);
        relabelled = true;
      }
      // Animate what changed: the label of a country whose standing moved pulses once.
      if (label && before !== undefined && before !== text) {
        const k = this.labelScale();
        this.tweens.add({ targets: label, scale: { from: k * 1.35, to: k }, duration: 700, ease: 'Cubic.easeOut' });
      }
    }
    // Once for every label that changed: placing them reads the page's label scale and moves them apart.
    if (relabelled) this.placeLabels();
    const canvas = this.game.canvas as HTMLCanvasElement | null;
    // What the map shows besides colour, for the browser tests (a canvas has no text to read).
    if (canvas?.parentElement) canvas.parentElement.dataset.mapCues = JSON.stringify(cues);
    this.drawProjects(shown);
    if (!state.replay && session.reports.length > this.reportsSeen) {
      const fresh = session.reports.slice(this.reportsSeen);
      this.reportsSeen = session.reports.length;
      const latest = fresh[fresh.length - 1];
      if (latest && fresh.length === 1) this.animateReport(latest);
    } else if (session.reports.length < this.reportsSeen) this.reportsSeen = session.reports.length;
    this.selection?.clear();
    const selected = state.selectedCountry ? this.board.get(state.selectedCountry) : undefined;
    // Selecting a country (by click or by keyboard) brings it into view when zoomed in.
    if (selected && state.selectedCountry !== this.centredOn) {
      const [cx, cy] = centroid(selected.getData('rings') as number[][]);
      this.cameras.main.pan(cx, cy, 400, 'Sine.easeInOut');
    }
    this.centredOn = state.selectedCountry;
    if (selected && this.selection) {
      this.selection.lineStyle(4, 0xffd84d, 1);
      for (const ring of selected.getData('rings') as number[][]) {
        const pts: Phaser.Math.Vector2[] = [];
        for (let i = 0; i < ring.length; i += 2) pts.push(new Phaser.Math.Vector2(ring[i], ring[i + 1]));
        this.selection.strokePoints(pts, true);
      }
    }
    this.composite();
  }

  /**
   * After a zoom: the wheel and a pinch keep the point under the pointer (the fingers) where it was; zooming in with
   * the buttons closes in on the selected country (else on the view's centre, as before).
   */
  private zoomTowards(selected: string | null): void {
    const cam = this.cameras.main;
    const anchor = this.zoomAnchor;
    if (anchor) {
      this.keepUnder(anchor.sx, anchor.sy, anchor.wx, anchor.wy);
      return;
    }
    const g = selected ? this.board.get(selected) : undefined;
    if (!g) return;
    const [cx, cy] = centroid(g.getData('rings') as number[][]);
    cam.centerOn(cx, cy);
  }

  /** A country's hatching at `angle`, made the first time it is asked for in this scenario. */
  private hatchOf(id: string, rings: readonly number[][], angle: number): [number, number, number, number][] {
    const key = `${id}@${angle}`;
    let segs = this.hatches.get(key);
    if (!segs) {
      segs = hatchSegments(rings, angle, HATCH_SPACING);
      this.hatches.set(key, segs);
    }
    return segs;
  }

  /** The world point under a point of the canvas (camera zoom is about the view's centre). */
  private worldAt(sx: number, sy: number): [number, number] {
    const cam = this.cameras.main;
    return [cam.scrollX + cam.width / 2 + (sx - cam.width / 2) / cam.zoom, cam.scrollY + cam.height / 2 + (sy - cam.height / 2) / cam.zoom];
  }

  /** Fits the camera to the canvas and the store's zoom; `recentre` puts the frame's centre in the middle. */
  private fitView(recentre: boolean): void {
    const cam = this.cameras.main;
    const W = this.asset.width;
    const H = this.asset.height;
    if (cam.width <= 0 || cam.height <= 0) return;
    // The frame is fitted below the zoom buttons, so that none of the scenario lies under them.
    const inset = Math.min(this.controlsInset(), cam.height / 3);
    const below = cam.height - inset;
    const wide = this.wideFrame;
    const f = Math.min(cam.width / wide.w, below / wide.h) >= FRAME_BELOW ? wide : this.frame;
    // The frame filled out to the canvas's proportions (src/map/fill.ts): a nearly square map
    // (a projector's map column) shows more of the map north and south, and gives up the
    // frame's margin rather than show bands past the map's top and foot. What must clear the
    // buttons is the frame and core with a strip above them as tall as the buttons, whose
    // height in map px is taken at the zoom that fits them below the buttons.
    const lifted = (b: Frame, by: number): Frame => ({ x: b.x, y: b.y - by, w: b.w, h: b.h + by });
    const lift = inset / (cam.width / fillView(W, H, f, this.core, cam.width, below).w);
    const view = fillView(W, H, lifted(f, lift), lifted(this.core, lift), cam.width, cam.height);
    this.baseZoom = cam.width / view.w;
    const zoom = this.store.getState().zoom;
    this.appliedZoom = zoom;
    const z = this.baseZoom * zoom;
    cam.setZoom(z);
    // The view may pan over the whole map, and past its top edge as far as the view reaches
    // (to clear the buttons of a frame at the map's top, a home capital such as Moscow); where
    // the map is smaller than the view, it sits in the middle.
    const above = Math.max(0, -view.y);
    const bw = Math.max(W, cam.width / z);
    const bh = Math.max(H + above, cam.height / z);
    cam.setBounds((W - bw) / 2, Math.min(-above, (H - bh) / 2), bw, bh);
    if (recentre) cam.centerOn(view.x + view.w / 2, view.y + view.h / 2);
    this.placeLabels();
  }

  /**
   * Screen px at the canvas's top that the zoom buttons cover (they float over the map's
   * corner; the classroom projector hides them: 0).
   */
  private controlsInset(): number {
    const canvas = this.game.canvas as HTMLCanvasElement | null;
    const controls = canvas?.parentElement?.parentElement?.querySelector('.map-controls-host');
    if (!canvas || !controls) return 0;
    const c = controls.getBoundingClientRect();
    const m = canvas.getBoundingClientRect();
    if (c.height === 0 || c.right <= m.left || c.left >= m.right || c.top >= m.bottom) return 0;
    return Math.max(0, c.bottom - m.top + 4);
  }

  /** A country label's scale: the same size on screen at any zoom. */
  private labelScale(): number {
    return (COUNTRY_PX * this.labelGrowth()) / COUNTRY_FONT / this.cameras.main.zoom;
  }

  /**
   * How much larger than on a laptop the labels are drawn: the page's `--map-label-scale`
   * on the map's element (the large-text and classroom projector views set it, 1–2), since
   * a 13-px name that reads well at arm's length is unreadable across a room. Read at each
   * layout, which a change of view triggers by resizing the map.
   */
  private labelGrowth(): number {
    const host = (this.game.canvas as HTMLCanvasElement | null)?.parentElement;
    const asked = host ? Number.parseFloat(getComputedStyle(host).getPropertyValue('--map-label-scale')) : NaN;
    return Number.isFinite(asked) ? Math.max(1, Math.min(2, asked)) : 1;
  }

  /** Labels at one size on screen, moved apart where two countries' labels would overlap, and a city's name left out where it would cover a label. */
  private placeLabels(): void {
    const z = this.cameras.main.zoom;
    const k = this.labelScale();
    const placed: Phaser.Geom.Rectangle[] = [];
    const homeY = (t: Phaser.GameObjects.Text): number => (t.getData('home') as [number, number])[1];
    const labels = [...this.labels.values()].sort((a, b) => homeY(a) - homeY(b));
    const overlapping = (box: Phaser.Geom.Rectangle): Phaser.Geom.Rectangle | undefined => placed.find((r) => Phaser.Geom.Intersects.RectangleToRectangle(r, box));
    // The view's bottom edge (world px): a label pushed past it would be cut off.
    const viewBottom = this.worldAt(0, this.cameras.main.height)[1];
    for (const label of labels) {
      const [hx, hy] = label.getData('home') as [number, number];
      label.setScale(k);
      /** From its home, down (1) or up (-1), step by step, until it overlaps nothing placed. */
      const shift = (dir: 1 | -1): Phaser.Geom.Rectangle => {
        label.setPosition(hx, hy);
        let box = label.getBounds();
        for (let tries = 0, hit = overlapping(box); tries < 12 && hit; tries++, hit = overlapping(box)) {
          label.setY(label.y + (dir > 0 ? hit.bottom - box.top : hit.top - box.bottom) + (dir * 2) / z);
          box = label.getBounds();
        }
        return box;
      };
      // Down first (a small country's label stacked under its neighbour's, where the eye reads
      // on); up instead where down would run off the view's foot (a region framed tightly).
      let box = shift(1);
      if (box.bottom > viewBottom) {
        const up = shift(-1);
        box = overlapping(up) ? shift(1) : up;
      }
      placed.push(box);
    }
    const growth = this.labelGrowth();
    // A city's name never runs past the view's edge as it is framed (Moscow's at the top left
    // of a projector's narrow map column, Urumqi's at the right of a wide screen): it takes
    // the first side of its dot where it lies whole in the view, clear of the labels placed
    // so far, and is left out where none is (its dot at or past the edge: the city is not in
    // the view anyway). Panning later may cut it as it cuts the map; nothing moves then.
    const [left, top] = this.worldAt(0, 0);
    const [right, bottom] = this.worldAt(this.cameras.main.width, this.cameras.main.height);
    const inView = (box: Phaser.Geom.Rectangle): boolean => box.left >= left && box.top >= top && box.right <= right && box.bottom <= bottom;
    for (const { text, px, font, dot } of this.cityLabels) {
      text.setScale((px * growth) / font / z);
      const side = CITY_SIDES.find(({ origin, at }) => {
        text.setOrigin(...origin).setPosition(dot[0] + at[0], dot[1] + at[1]);
        const box = text.getBounds();
        return inView(box) && !placed.some((r) => Phaser.Geom.Intersects.RectangleToRectangle(r, box));
      });
      text.setVisible(side !== undefined);
      if (side) {
        text.setOrigin(...side.origin).setPosition(dot[0] + side.at[0], dot[1] + side.at[1]);
        placed.push(text.getBounds());
      }
    }
    const canvas = this.game.canvas as HTMLCanvasElement | null;
    const host = canvas?.parentElement;
    if (!host) return;
    // The labels' size on screen, for the browser tests (the canvas has no text to measure).
    host.dataset.labelPx = String(Math.round(COUNTRY_FONT * k * z * 10) / 10);
    // …and every label shown, as a box in canvas px.
    const shown = [...this.labels.values(), ...this.cityLabels.map((c) => c.text)].filter((t) => t.visible);
    host.dataset.labels = JSON.stringify(
      shown.map((t) => {
        const b = t.getBounds();
        const [x0, y0] = [(b.left - left) * z, (b.top - top) * z];
        return { text: t.text.split('\n')[0], x: Math.round(x0 * 10) / 10, y: Math.round(y0 * 10) / 10, w: Math.round(b.width * z * 10) / 10, h: Math.round(b.height * z * 10) / 10 };
      }),
    );
  }

  /**
   * The countries off the board, into their own layer, a few at a time: drawing all of them
   * at once held the main thread ~100 ms (400 on Lighthouse's phone), so it yields to the
   * page between slices of `CONTEXT_SLICE_MS`. The same drawing in the same order as in one
   * go, so the picture is the same once done.
   */
  private async drawContext(skip: ReadonlySet<string>): Promise<void> {
    const drawing = ++this.contextDrawing;
    const layer = this.contextLayer;
    const g = this.context;
    if (!layer || !g) return;
    layer.clear();
    let sliceStart = performance.now();
    for (const c of this.asset.countries) {
      if (skip.has(c.mapId)) continue;
      g.clear();
      g.fillStyle(CONTEXT, 1).lineStyle(1, 0x1b2630, 1);
      for (const ring of c.rings) this.fillRing(g, ring, true);
      layer.draw(g);
      layer.render();
      if (performance.now() - sliceStart < CONTEXT_SLICE_MS) continue;
      this.stir();
      await nextTask();
      // A newer drawing (another scenario) took over, or the map is gone.
      if (drawing !== this.contextDrawing || !this.sys.isActive()) return;
      sliceStart = performance.now();
    }
    g.clear();
    this.stir();
  }

  /** Draws the game's layers (the board, projects, cities, selection) into the render texture, once per change. */
  private composite(): void {
    const layer = this.layer;
    if (!layer) return;
    layer.clear();
    const parts = [...this.board.values(), this.projects, this.cities, this.selection].filter((g): g is Phaser.GameObjects.Graphics => g !== null);
    layer.draw(parts);
    layer.render();
  }

  private drawProjects(shown: GameState): void {
    const session = this.store.getState().session;
    const g = this.projects;
    if (!session || !g) return;
    g.clear();
    const s = session.scenario;
    for (const def of s.projects) {
      const st = own(shown.projects, def.id);
      if (!st || st.status === 'available') continue;
      const owner = s.powers.find((p) => p.id === st.owner);
      const pts = this.routePoints(s, def);
      const width = st.status === 'built' ? 5 : 3;
      // A dark casing under the line: a route reads even over a country tinted in its owner's colour.
      g.lineStyle(width + 4, CASING, 0.9);
      for (let i = 1; i < pts.length; i++) g.lineBetween(...(pts[i - 1] as [number, number]), ...(pts[i] as [number, number]));
      for (let i = 1; i < pts.length - 1; i++) g.fillStyle(CASING, 0.9).fillCircle(...(pts[i] as [number, number]), (width + 4) / 2);
      g.lineStyle(width, owner ? (this.looks.get(owner.id)?.tint ?? hex(owner.color)) : 0xffffff, st.status === 'built' ? 1 : 0.9);
      for (let i = 1; i < pts.length; i++) {
        const [x0, y0] = pts[i - 1] as [number, number];
        const [x1, y1] = pts[i] as [number, number];
        if (st.status === 'built') g.lineBetween(x0, y0, x1, y1);
        else dashed(g, x0, y0, x1, y1);
      }
    }
  }
}

/** Under construction: a dashed line. */
function dashed(g: Phaser.GameObjects.Graphics, x0: number, y0: number, x1: number, y1: number): void {
  const len = Math.hypot(x1 - x0, y1 - y0);
  const steps = Math.max(1, Math.floor(len / 10));
  for (let i = 0; i < steps; i += 2) {
    const a = i / steps;
    const b = Math.min(1, (i + 1) / steps);
    g.lineBetween(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, x0 + (x1 - x0) * b, y0 + (y1 - y0) * b);
  }
}

/** Label position: the centroid of the largest ring. */
function centroid(rings: readonly number[][]): [number, number] {
  let best: readonly number[] = rings[0] ?? [];
  for (const r of rings) if (r.length > best.length) best = r;
  let x = 0;
  let y = 0;
  const n = best.length / 2;
  for (let i = 0; i < best.length; i += 2) {
    x += best[i] as number;
    y += best[i + 1] as number;
  }
  return [x / Math.max(1, n), y / Math.max(1, n)];
}
