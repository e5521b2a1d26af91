// Imported first by every entry (the page and each worker): zod would otherwise probe for
// eval the first time a schema is built (to compile faster parsers), which happens while
// the engine's modules load; the CSP forbids eval and the probe logs a violation on every
// load. Imports are evaluated in order, so a setting in the entry's body would come too late.
import { z } from 'zod';

z.config({ jitless: true });
