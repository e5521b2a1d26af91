// Worker threads do not inherit tsx's loader: register it, then run the TypeScript writer.
import { register } from 'tsx/esm/api';

register();
await import('./sqliteWriterThread.ts');
