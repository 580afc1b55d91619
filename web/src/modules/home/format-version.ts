/**
 * Shows an informational version the way people read it: `0.1.0+3f2c1e0d9…` becomes `0.1.0 (3f2c1e0)`,
 * the build metadata shortened to a commit-sized prefix.
 */
export function formatVersion(version: string): string {
  const [release = version, metadata] = version.split('+', 2);
  return metadata ? `${release} (${metadata.slice(0, 7)})` : release;
}
