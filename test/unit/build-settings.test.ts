// The build's Microsoft 365 settings, as the school's administrator gives them: the client id
// and the tenant it was registered in (single-tenant: the tenant's own authority), each
// refused in French when it cannot be one.
const config = require("../../webpack.config.js") as (
  env: object,
  options: { mode: string },
) => Promise<{ plugins: Array<{ definitions?: Record<string, string> }> }>;

const CLIENT = "3f5d2c1a-8b7e-4d6f-9a0b-1c2d3e4f5a6b";
const saved = { ...process.env };
afterEach(() => {
  for (const key of ["ADDIN_CLIENT_ID", "ADDIN_TENANT_ID", "ADDIN_BASE_URL"]) delete process.env[key];
  Object.assign(process.env, saved);
});

async function build(env: Record<string, string>) {
  for (const key of ["ADDIN_CLIENT_ID", "ADDIN_TENANT_ID"]) delete process.env[key];
  Object.assign(process.env, { ADDIN_BASE_URL: "https://ent-outils.example.fr/courriers/", ...env });
  const result = await config({}, { mode: "production" });
  return result.plugins.find((p) => p.definitions)?.definitions;
}

it("writes the tenant beside the client id", async () => {
  expect(await build({ ADDIN_CLIENT_ID: CLIENT, ADDIN_TENANT_ID: "college-exemple.fr" })).toEqual({
    ADDIN_CLIENT_ID: JSON.stringify(CLIENT),
    ADDIN_TENANT_ID: JSON.stringify("college-exemple.fr"),
  });
  expect((await build({ ADDIN_CLIENT_ID: CLIENT, ADDIN_TENANT_ID: CLIENT.toUpperCase() }))!.ADDIN_TENANT_ID).toBe(
    JSON.stringify(CLIENT.toUpperCase()),
  );
  expect(await build({})).toEqual({ ADDIN_CLIENT_ID: '""', ADDIN_TENANT_ID: '""' });
});

it("refuses a client id without its tenant, and a tenant that is neither a GUID nor a domain", async () => {
  await expect(build({ ADDIN_CLIENT_ID: CLIENT })).rejects.toThrow(/^ADDIN_TENANT_ID manque : indiquez l'identifiant/);
  for (const tenant of ["common", "college", "https://login.microsoftonline.com/x", "a b.fr"])
    await expect(build({ ADDIN_CLIENT_ID: CLIENT, ADDIN_TENANT_ID: tenant })).rejects.toThrow(
      `ADDIN_TENANT_ID doit être l'identifiant de locataire Entra ID (00000000-0000-0000-0000-000000000000) ou un domaine vérifié du locataire (college-exemple.fr) (reçu : ${tenant})`,
    );
});
