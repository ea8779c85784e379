import { describe, expect, it } from "vitest";
import { type CommandDescription, CommandRegistry } from "../commands/command-registry";
import { claimCommands } from "./command-claim";

function commandsOf(owner: string, ran: string[]): () => CommandDescription[] {
  return () => [
    { id: "label.undo", title: "Undo", category: "Label", run: () => void ran.push(`${owner}:undo`) },
    { id: "label.redo", title: "Redo", category: "Label", run: () => void ran.push(`${owner}:redo`) },
  ];
}

const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe("claimCommands", () => {
  it("lets one claimant hold the commands and hands them to a waiting one on release", async () => {
    const registry = new CommandRegistry();
    const ran: string[] = [];
    const owned: string[] = [];
    const releaseLeft = claimCommands(registry, commandsOf("left", ran), (value) => owned.push(`left:${value}`));
    const releaseRight = claimCommands(registry, commandsOf("right", ran), (value) => owned.push(`right:${value}`));
    await registry.execute("label.undo", {});
    releaseLeft();
    await microtasks();
    await registry.execute("label.undo", {});
    expect(ran).toEqual(["left:undo", "right:undo"]);
    expect(owned).toEqual(["left:true", "left:false", "right:true"]);
    releaseRight();
    expect(registry.get("label.undo")).toBeUndefined();
  });

  it("keeps the commands with a holder that releases and claims again in one go", async () => {
    const registry = new CommandRegistry();
    const ran: string[] = [];
    const first = claimCommands(registry, commandsOf("left", ran), () => {});
    claimCommands(registry, commandsOf("right", ran), () => {});
    first();
    claimCommands(registry, commandsOf("left-again", ran), () => {});
    await microtasks();
    await registry.execute("label.redo", {});
    expect(ran).toEqual(["left-again:redo"]);
  });

  it("does not register after release, even from a claim already queued", async () => {
    const registry = new CommandRegistry();
    const holder = claimCommands(registry, commandsOf("holder", []), () => {});
    const waiting = claimCommands(registry, commandsOf("waiting", []), () => {});
    holder();
    waiting();
    await microtasks();
    expect(registry.list()).toEqual([]);
  });
});
