// GraphQL-over-HTTP conformance audit (graphql-http's serverAudits) against a live server.
// Usage: node audit.mjs http://127.0.0.1:8000/graphql
// Prints one line per audit and a closing count; exits 1 if any audit is not "ok".
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}
const results = await auditServer({ url });
for (const r of results) {
  console.log(`${r.status}\t${r.id}\t${r.name}${r.status === 'ok' ? '' : `\t-- ${r.reason}`}`);
}
const count = (status) => results.filter((r) => r.status === status).length;
console.log(`${results.length} audits: ${count('ok')} ok, ${count('notice')} notice, ${count('warn')} warn, ${count('error')} error`);
process.exit(count('ok') === results.length ? 0 : 1);
