"use client";

import { useRegisterCommands } from "../commands/commands-provider";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";

/** The annotation commands that work from anywhere; mounted once by the shell. */
export function AgreementWorkbench() {
  const navigation = useWorkbenchNavigation();
  useRegisterCommands(
    () => [
      {
        id: "agreement.show",
        title: "Show Annotator Agreement",
        category: "Annotation",
        run: () => navigation.openDocument({ kind: "agreement", corpusId: null }, "Annotator agreement"),
      },
    ],
    [navigation],
  );
  return null;
}
