import { gateFirstFrame, type FirstFrame } from './first-frame-gate';

// The build (scripts/prerender-first-frame.ts) bundles this file alone into a small classic
// script loaded at the top of <head>, and writes what it prerendered in place of this name.
declare const __FIRST_FRAME__: FirstFrame;

gateFirstFrame(window, __FIRST_FRAME__);
