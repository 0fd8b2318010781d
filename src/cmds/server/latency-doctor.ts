// LATENCY DOCTOR - a human-readable analysis of the recorded latency events, with advice.
import { defineCommand } from '../../spec/define.js';
import { VerbatimReply } from '../../protocol/reply.js';

export default defineCommand('latency|doctor', (ctx) => new VerbatimReply('txt', ctx.server.latency.doctor()));
