// Files in and out of the page. A chosen or dropped file is untrusted: its size is checked
// before it is read (a 2 GB "scenario" would otherwise be read whole into memory), and a
// file that cannot be read is said so, like any other refusal.
import type { StoreApi } from 'zustand/vanilla';
import type { GameStoreState } from '../store/gameStore';
import { MAX_FILE_CHARS } from '../store/gameStore';
import { h } from './dom';

/** Reads a file the player chose or dropped into the store: `save` for Import save, `any` for a save or a scenario. Settles once the store has it (or has said why not). */
export function openChosenFile(store: StoreApi<GameStoreState>, file: File, as: 'any' | 'save'): Promise<void> {
  const refuse = (text: string): void => store.setState({ message: { kind: 'error', text } });
  // A UTF-8 file has at least as many bytes as characters, so its size bounds its text.
  if (file.size > MAX_FILE_CHARS) return Promise.resolve(refuse(`${file.name} is ${file.size} bytes: too large for a save or a scenario (at most ${MAX_FILE_CHARS}), so it was not read.`));
  return file.text().then(
    (text) => void (as === 'save' ? store.getState().importSave(text, file.name) : store.getState().openFile(file.name, text)),
    () => refuse(`${file.name} could not be read.`),
  );
}

/** Offers `text` as a file download (nothing when there is no text). */
export function downloadText(text: string | null, name: string): void {
  if (text === null) return;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  h('a', { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}
