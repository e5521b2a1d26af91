// The benchmark's floor: an empty Phaser scene of the same size and scaling as the game's map.
import Phaser from 'phaser';

class Empty extends Phaser.Scene {}

const game = new Phaser.Game({
  type: Phaser.CANVAS,
  parent: 'map',
  width: 1600,
  height: 1000,
  backgroundColor: '#0d2535',
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: [new Empty('empty')],
  banner: false,
});
game.events.once(Phaser.Core.Events.READY, () => {
  document.body.dataset.ready = 'map';
});
