/**
 * Where the server may listen. Without accounts every request acts as the
 * one local researcher, so the workbench must not be reachable from other
 * machines: any address but loopback is refused until accounts are enabled.
 */

const LOOPBACK_NAMES = new Set(["localhost", "localhost.", "::1", "0:0:0:0:0:0:0:1"]);

/** True for 127.0.0.0/8, ::1, ::ffff:127.x.x.x and "localhost": addresses only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  const value = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (LOOPBACK_NAMES.has(value)) return true;
  const v4 = value.startsWith("::ffff:") ? value.slice("::ffff:".length) : value;
  const octets = v4.split(".");
  return octets.length === 4 && octets[0] === "127" && octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255);
}

/** Null when the server may listen on `host`; otherwise the message that stops it. */
export function listenAddressProblem(host: string, accountsEnabled: boolean): string | null {
  if (isLoopbackHost(host) || accountsEnabled) return null;
  return (
    `HOST=${host} would let other machines reach the workbench, and accounts are not enabled, so every visitor would act as the local researcher ` +
    "and see all recordings. Turn accounts on (ACCOUNTS=on, after npm run user -- create --admin <name>), or keep HOST on loopback " +
    "(127.0.0.1, the default) and reach the workbench from elsewhere through an SSH tunnel (ssh -L 3000:127.0.0.1:3000 <server>)."
  );
}
