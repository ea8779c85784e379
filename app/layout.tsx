import type { Metadata } from "next";
import type { ReactNode } from "react";
import { BOOT_PRELOAD_SCRIPT } from "./workbench/shell/boot-preload";
import { THEME_BOOT_SCRIPT } from "./workbench/shell/theme";
import { QueryProvider } from "./query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: "Resonance",
  description: "Research workbench for speech-emotion research",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script adds a class to <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: BOOT_PRELOAD_SCRIPT }} />
      </head>
      <body>
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
