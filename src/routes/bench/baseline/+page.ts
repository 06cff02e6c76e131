// A plain client page for the benchmark baseline (npm run bench): no server
// rendering, so its prerendered HTML is an empty shell, like a hand-written SPA.
export const ssr = false;
