import { WorkbenchShell } from "./workbench/workbench-shell";

export default function HomePage() {
  return <WorkbenchShell />;
}
