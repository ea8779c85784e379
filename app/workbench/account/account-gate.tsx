"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRegisterCommands } from "../commands/commands-provider";

interface Me {
  accounts: boolean;
  user: { username: string } | null;
}

async function readMe(): Promise<Me> {
  const response = await fetch("/api/auth/me", { cache: "no-store" });
  return (await response.json()) as Me;
}

/**
 * With accounts on, a workbench opened without a session goes to the login
 * page (every API call would answer 401 anyway), and "Log Out" is a command.
 * The data is protected by the route handlers, not by this.
 */
export function AccountGate() {
  const me = useQuery({ queryKey: ["auth", "me"], queryFn: readMe, staleTime: 60_000 });
  const accounts = me.data?.accounts === true;

  useEffect(() => {
    if (accounts && me.data?.user === null) window.location.assign("/login");
  }, [accounts, me.data]);

  useRegisterCommands(
    () =>
      accounts
        ? [
            {
              id: "account.logOut",
              title: `Log Out${me.data?.user ? ` (${me.data.user.username})` : ""}`,
              category: "Account",
              run: async () => {
                await fetch("/api/auth/logout", { method: "POST" });
                window.location.assign("/login");
              },
            },
          ]
        : [],
    [accounts, me.data?.user?.username],
  );
  return null;
}
