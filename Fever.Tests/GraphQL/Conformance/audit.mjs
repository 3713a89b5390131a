// Runs graphql-http's GraphQL-over-HTTP server audits against a running endpoint.
// Usage: node audit.mjs <url of the GraphQL endpoint>
// Prints a JSON array, one entry per audit: { id, name, status, reason?, response? }, where status is
// ok, or for a failed audit error (MUST), warn (SHOULD) or notice (MAY).
import { auditServer } from 'graphql-http';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('Usage: node audit.mjs <url of the GraphQL endpoint>');
  process.exit(2);
}

const results = await auditServer({ url });
const report = [];
for (const { id, name, status, reason, response } of results) {
  report.push(status === 'ok' ? { id, name, status } : { id, name, status, reason, response: await describe(response) });
}
console.log(JSON.stringify(report, null, 2));

/** What the server answered to a failed audit: status, content type and the start of the body when it is still unread. */
async function describe(response) {
  const answer = { status: response.status, contentType: response.headers.get('content-type') };
  if (!response.bodyUsed) {
    const body = await response.text();
    answer.body = body.length > 500 ? `${body.slice(0, 500)}…` : body;
  }
  return answer;
}
