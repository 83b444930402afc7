// The demo organisation and its sign-ins, shared by the seed, the start-up banner and the tests.
// Demo-only credentials: a real deployment changes or disables these users.

export const DEMO_ORG_ID = "org_demo";
export const DEMO_ORG_NAME = "Northwind Analytics Ltd";

export const DEMO_PASSWORD = "billfold-demo";

export const DEMO_ADMIN = { email: "admin@billfold.local", password: DEMO_PASSWORD, name: "Ada Admin" } as const;
export const DEMO_FINANCE = { email: "finance@billfold.local", password: DEMO_PASSWORD, name: "Finn Finance" } as const;
export const DEMO_VIEWER = { email: "viewer@billfold.local", password: DEMO_PASSWORD, name: "Vera Viewer" } as const;

export const DEMO_USERS = [
  { ...DEMO_ADMIN, role: "admin" },
  { ...DEMO_FINANCE, role: "finance" },
  { ...DEMO_VIEWER, role: "viewer" },
] as const;
