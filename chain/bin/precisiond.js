#!/usr/bin/env -S node --max-semi-space-size=32
// Run precisiond as a program (not `node precisiond.js`) so the flag above applies: it pins V8's
// young generation to 32 MB per semi-space whatever Node's default. Executing a block allocates
// many short-lived objects. 16 MB measured best while a tx allocated more (it was the choice
// until a tx's decoding stopped copying its bytes); since then 32 MB lets more of what lives
// across a few scavenges die young (bench:chain with GC traces, runs alternated: 150-157 MB
// promoted per 20k sends against 201-203, 2.0-2.2 s of main-isolate GC against 2.2-2.7, and a
// median 357 µs per tx against 398 over eight runs each; 48 and 64 MB were no better).
import "../dist/cli/main.js";
