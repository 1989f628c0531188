// Where to go after sign-in: only paths inside the portal, so a crafted link cannot send a freshly
// signed-in user to another site.
export function safeNextPath(next: string | null): string | null {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/sign-in' || next.startsWith('/sign-in?')) return null;
  return next;
}
