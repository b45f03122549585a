/**
 * Imported first by main.ts, so that it runs before the bundle's other
 * modules load (see `holdYoungGeneration`).
 */
import { holdYoungGeneration } from './v8-heap';

holdYoungGeneration();
