/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Tile URL template for the report form's map, e.g. `/tiles/{z}/{x}/{y}.png`; unset: no tiles (vector outlines only). */
  readonly FIREBREAK_MAP_TILE_URL?: string;
  readonly FIREBREAK_MAP_TILE_ATTRIBUTION?: string;
}
