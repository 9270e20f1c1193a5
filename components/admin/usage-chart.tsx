"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

import type { UsageDay } from "@/lib/admin/usage";

/** Billed minutes per day, as bars (recharts; loaded only on the operator page). */
export default function UsageChart({ days }: { days: UsageDay[] }) {
  const data = days.map((day) => ({
    day: day.day.slice(5),
    minutes: Math.round((day.seconds / 60) * 10) / 10,
  }));
  return (
    <BarChart
      data={data}
      responsive
      style={{ width: "100%", height: 240 }}
      margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
    >
      <CartesianGrid stroke="#3f3f46" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="day" tick={{ fill: "#d4d4d8", fontSize: 11 }} interval="preserveStartEnd" />
      <YAxis tick={{ fill: "#d4d4d8", fontSize: 11 }} allowDecimals={false} />
      <Tooltip
        formatter={(value) => [`${String(value)} min`, "Billed"]}
        contentStyle={{ background: "#18181b", border: "1px solid #3f3f46", color: "#f4f4f5" }}
      />
      <Bar dataKey="minutes" fill="#fbbf24" radius={[3, 3, 0, 0]} />
    </BarChart>
  );
}
