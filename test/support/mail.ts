import { stackInfo } from './stack-info.ts';

export interface SesMail {
  destination: { to: string[] };
  subject: string;
  body: { text: string };
}

/** The newest mail sent to `email`, read from the local SES sink. */
export async function mailTo(email: string): Promise<SesMail | undefined> {
  const res = await fetch(`${stackInfo().services.sesEndpoint}/store`);
  const store = (await res.json()) as { emails: SesMail[] };
  return store.emails.filter((m) => m.destination.to.includes(email)).at(-1);
}

/** The temporary password of the newest invitation sent to `email` ('' if none). */
export async function temporaryPasswordFor(email: string): Promise<string> {
  return /仮パスワード: (\S+)/.exec((await mailTo(email))?.body.text ?? '')?.[1] ?? '';
}
