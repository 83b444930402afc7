// The curl command that sends one usage event, shown with a new key and on the API keys page.

export const eventsCurlExample = ({ origin, key }: { origin: string; key: string }): string =>
  [
    `curl -X POST ${origin.replace(/\/$/, "")}/api/v1/events \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{`,
    `    "event_name": "api_call",`,
    `    "external_customer_id": "acme-corp",`,
    `    "timestamp": "2024-06-28T12:00:00Z",`,
    `    "event_id": "req-0001",`,
    `    "properties": { "endpoint": "/v1/reports" }`,
    `  }'`,
  ].join("\n");
