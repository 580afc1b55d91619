/**
 * Where to go after signing in: the requested path only when it is a path of this site ("/users?x=1"), never
 * another origin ("https://…", "//evil", "/\\evil" which browsers read as "//evil") and never back to the login
 * page; anything else is home.
 */
export function safeReturnUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  if (value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters (tabs, new lines) are dropped by URL parsers and could turn the path into "//".
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login#')) return '/';
  return value;
}
