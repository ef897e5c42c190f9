import { exposeBench } from '../../src/bench/run-bench';

// Built only by `npm run bench` (MARGIN_BENCH=1, see wxt.config.ts); never in a user's build.
exposeBench(window);
