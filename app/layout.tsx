import "./globals.css";

import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { BRAND } from "@/lib/brand";

export const metadata: Metadata = {
  title: BRAND.productName,
  description: BRAND.description,
  icons: { icon: "/jeremy.png" },
};

export const viewport: Viewport = {
  themeColor: "#09090b",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
