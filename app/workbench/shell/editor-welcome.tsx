"use client";

import { useKeybindingLabel } from "../commands/commands-provider";
import { CommandButton } from "./command-button";
import styles from "./shell.module.css";

/** The empty editor area: where to start, with the keys that get there. */
export function EditorWelcome() {
  const quickOpen = useKeybindingLabel("workbench.quickOpen");
  const commands = useKeybindingLabel("workbench.showCommands");
  return (
    <div className={styles.welcome} data-testid="editor-welcome">
      <p className={styles.welcomeTitle}>Resonance</p>
      <p className={styles.welcomeText}>Open a recording from the Explorer, or find one by name or patient.</p>
      <ul className={styles.welcomeActions}>
        <li>
          <CommandButton command="workbench.quickOpen" className="link-button">
            Go to Recording…
          </CommandButton>
          {quickOpen && <kbd>{quickOpen}</kbd>}
        </li>
        <li>
          <CommandButton command="workbench.showCommands" className="link-button">
            Show All Commands
          </CommandButton>
          {commands && <kbd>{commands}</kbd>}
        </li>
        <li>
          <CommandButton command="corpus.import" className="link-button">
            Import Recordings…
          </CommandButton>
        </li>
        <li>
          <CommandButton command="workbench.showShortcuts" className="link-button">
            Keyboard Shortcuts
          </CommandButton>
        </li>
      </ul>
    </div>
  );
}
