/**
 * The core's entry to the localizing helpers, which live with the data (`src/data/localize.ts`)
 * because the CLI and the VS Code client use them too. Pure.
 */
export { type Args, fill, localize, toLang } from '../../data/localize';
