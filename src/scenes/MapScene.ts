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
import type { Project } from '../engine';

const hex = (color: string): number => Number.parseInt(color.slice(1), 16);
const NEUTRAL = 0xb9a77c;
const CONTEXT = 0x4a5661;

export class MapScene extends Phaser.Scene {
  private unsubscribe: (() => void) | null = null;
  private board = new Map<string, Phaser.GameObjects.Graphics>();
  private labels = new Map<string, Phaser.GameObjects.Text>();
  private context: Phaser.GameObjects.Graphics | null = null;
  private projects: Phaser.GameObjects.Graphics | null = null;
  private selection: Phaser.GameObjects.Graphics | null = null;
  private layer: Phaser.GameObjects.RenderTexture | null = null;
  private cities: Phaser.GameObjects.Graphics | null = null;
  private texts: Phaser.GameObjects.Text[] = [];
  private drawnFor: unknown = null;
  private tooltip: Phaser.GameObjects.Text | null = null;
  /** Each country's leader and lead at the last refresh, to animate what changed. */
  private lastStanding = new Map<string, string>();
  /** How many turn reports had been animated. */
  private reportsSeen = 0;
  private centredOn: string | null = null;

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
    this.cameras.main.setBounds(0, 0, this.asset.width, this.asset.height);
    // Created once and reused for every game: rebuilding them per game would leak textures.
    this.layer = this.add.renderTexture(0, 0, this.asset.width, this.asset.height).setOrigin(0, 0);
    this.context = this.make.graphics({}, false);
    this.projects = this.make.graphics({}, false);
    this.selection = this.make.graphics({}, false);
    this.cities = this.make.graphics({}, false);
    this.tooltip = this.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '14px', color: '#10151c', backgroundColor: '#fff8dd', padding: { x: 6, y: 4 } }).setDepth(10).setVisible(false);
    this.drawScenario();
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (p.getDistance() > 6) return; // a drag, not a click
      this.clickAt(p.worldX, p.worldY);
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (!p.isDown) {
        this.hover(p.worldX, p.worldY);
        return;
      }
      const cam = this.cameras.main;
      cam.scrollX -= (p.x - p.prevPosition.x) / cam.zoom;
      cam.scrollY -= (p.y - p.prevPosition.y) / cam.zoom;
    });
    this.input.on('wheel', (_p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      this.store.getState().setZoom(this.store.getState().zoom * (dy > 0 ? 0.9 : 1.1));
    });
    this.unsubscribe = this.store.subscribe(() => this.refresh());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.unsubscribe?.());
    this.refresh();
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
    report.events.forEach((e, i) => {
      const card = this.add
        .text(this.asset.width / 2, 70 + i * 54, e.title, { fontFamily: 'system-ui, sans-serif', fontSize: '22px', color: '#10151c', backgroundColor: '#ffd84d', padding: { x: 10, y: 6 } })
        .setOrigin(0.5, 0)
        .setScrollFactor(0)
        .setDepth(20);
      this.tweens.add({ targets: card, alpha: { from: 1, to: 0 }, delay: 2500 + i * 400, duration: 900, onComplete: () => card.destroy() });
    });
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
    const tip = this.tooltip;
    if (!session || !tip) return;
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
    tip.setText(text).setPosition(x + 14, y + 14).setVisible(true);
  }

  /** Static layer for the current scenario: context countries, board outlines, cities. */
  private drawScenario(): void {
    const s = this.scenario();
    for (const t of this.texts) t.destroy();
    this.texts = [];
    for (const g of this.board.values()) g.destroy();
    this.board.clear();
    this.labels.clear();
    for (const g of [this.context, this.projects, this.selection, this.cities]) g?.clear();
    this.tooltip?.setVisible(false);
    const contested = new Map(s?.countries.filter((c) => c.role === 'contested').map((c) => [c.mapId, c]) ?? []);
    const context = this.context;
    if (!context) return;
    context.fillStyle(CONTEXT, 1).lineStyle(1, 0x1b2630, 1);
    for (const c of this.asset.countries) {
      if (contested.has(c.mapId)) continue;
      for (const ring of c.rings) this.fillRing(context, ring, true);
    }
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
      this.addText(p[0] + 5, p[1] - 7, city.name, { fontFamily: 'system-ui, sans-serif', fontSize: city.capital ? '13px' : '11px', color: '#ffffff' }).setAlpha(city.capital ? 1 : 0.8);
    }
    for (const def of contested.values()) {
      const shape = this.asset.countries.find((c) => c.mapId === def.mapId);
      if (!shape) continue;
      const [cx, cy] = centroid(shape.rings);
      const label = this.addText(cx, cy, def.name, { fontFamily: 'system-ui, sans-serif', fontSize: '15px', color: '#10151c', backgroundColor: '#f4efe2cc', padding: { x: 4, y: 2 }, align: 'center' }).setOrigin(0.5);
      this.labels.set(def.id, label);
    }
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
    if (this.cameras.main.zoom !== state.zoom) this.cameras.main.setZoom(state.zoom);
    const session = state.session;
    if (session?.scenario !== this.drawnFor) {
      this.drawnFor = session?.scenario ?? null;
      this.drawScenario();
    }
    if (!session) return;
    const s = session.scenario;
    const powerIds = s.powers.map((p) => p.id);
    // The replay viewer shows a past state; otherwise the game as it stands.
    const shown = state.replay ? (state.replay.states[state.replay.index] ?? session.record.state) : session.record.state;
    for (const [id, g] of this.board) {
      const st = own(shown.countries, id);
      if (!st) continue;
      const lead = standing(powerIds, st);
      const scoring = controller(s, shown, id);
      const power = s.powers.find((p) => p.id === lead.leader);
      const color = power ? hex(power.color) : NEUTRAL;
      g.clear();
      g.fillStyle(NEUTRAL, 1).lineStyle(2, 0x111111, 1);
      const rings = g.getData('rings') as number[][];
      for (const ring of rings) this.fillRing(g, ring, true);
      if (power) {
        // Stronger colour the larger the lead; full once the lead scores.
        g.fillStyle(color, scoring ? 0.85 : Math.min(0.6, 0.3 + lead.lead / 30));
        for (const ring of rings) this.fillRing(g, ring, false);
      }
      const def = s.countries.find((c) => c.id === id);
      const text = `${def?.name ?? id}\n${power ? `${power.name} +${lead.lead}${scoring ? ' ★' : ''}` : 'no leader'}`;
      const label = this.labels.get(id);
      const before = this.lastStanding.get(id);
      this.lastStanding.set(id, text);
      label?.setText(text);
      // Animate what changed: the label of a country whose standing moved pulses once.
      if (label && before !== undefined && before !== text) this.tweens.add({ targets: label, scale: { from: 1.35, to: 1 }, duration: 700, ease: 'Cubic.easeOut' });
    }
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

  /** Draws every layer into the render texture, once per change. */
  private composite(): void {
    const layer = this.layer;
    if (!layer) return;
    layer.clear();
    const parts = [this.context, ...this.board.values(), this.projects, this.cities, this.selection].filter((g): g is Phaser.GameObjects.Graphics => g !== null);
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
      g.lineStyle(st.status === 'built' ? 5 : 3, owner ? hex(owner.color) : 0xffffff, st.status === 'built' ? 1 : 0.9);
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
