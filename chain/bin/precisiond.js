#!/usr/bin/env -S node --max-semi-space-size=16
// Run precisiond as a program (not `node precisiond.js`) so the flag above applies: it pins V8's
// young generation to 16 MB per semi-space whatever Node's default. Executing a block allocates
// many short-lived objects; 16 MB measured best once FinalizeBlock stopped holding a block's
// events (bench:chain, 5 alternating runs: main thread 136-144 µs per tx against 145-177 at 32 MB;
// 8 MB was worse, and larger young generations copy more survivors per scavenge).
import "../dist/cli/main.js";
