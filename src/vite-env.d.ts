/// <reference types="vite/client" />

/** The start screen's listing of the shipped scenarios, made at build time (vite.config.ts): ScenarioListing[] (src/ui/scenarioListing.ts). */
declare module 'virtual:shipped-scenarios' {
  const listings: unknown;
  export default listings;
}
