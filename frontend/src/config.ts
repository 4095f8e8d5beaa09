import * as z from 'zod/mini';

/** What /config.json holds: served by the local front door, by CloudFront in AWS. */
export const RuntimeConfig = z.object({
  region: z.string().check(z.minLength(1)),
  cognitoEndpoint: z.url(),
  userPoolId: z.string().check(z.minLength(1)),
  userPoolClientId: z.string().check(z.minLength(1)),
  apiBase: z.string().check(z.minLength(1)),
  stage: z.string().check(z.minLength(1)),
});
export type RuntimeConfig = z.infer<typeof RuntimeConfig>;

/** Loaded once before the app renders; a broken config stops the app with a clear message. */
export async function loadConfig(): Promise<RuntimeConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`/config.json: HTTP ${res.status}`);
  const parsed = RuntimeConfig.safeParse(await res.json());
  if (!parsed.success) throw new Error(`/config.json: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return { ...parsed.data, cognitoEndpoint: parsed.data.cognitoEndpoint.replace(/\/+$/, ''), apiBase: parsed.data.apiBase.replace(/\/+$/, '') };
}
