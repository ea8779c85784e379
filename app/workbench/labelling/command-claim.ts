import type { CommandDescription, CommandRegistry } from "../commands/command-registry";

/**
 * Holds a set of commands for one of several views that offer them (two
 * recording editors side by side both show labelling, but a command id can
 * be registered once). The first claimant registers them; the others wait and
 * take over when the holder lets go. Returns the release function.
 */
export function claimCommands(registry: CommandRegistry, build: () => readonly CommandDescription[], onOwned: (owned: boolean) => void): () => void {
  const probe = build()[0]?.id;
  let dispose: (() => void) | null = null;
  let registering = false;
  let released = false;
  const claim = () => {
    // A claim queued before the release must not register commands nobody will dispose.
    if (released || dispose || registering || probe === undefined || registry.get(probe)) return;
    registering = true;
    try {
      dispose = registry.registerAll(build());
    } finally {
      registering = false;
    }
    onOwned(true);
  };
  claim();
  // Deferred to a microtask: a holder that re-registers (release, then claim
  // again in the same task) gets its commands back before anyone else looks.
  const unsubscribe = registry.subscribe(() => queueMicrotask(claim));
  return () => {
    released = true;
    unsubscribe();
    if (dispose) {
      dispose();
      dispose = null;
      onOwned(false);
    }
  };
}
