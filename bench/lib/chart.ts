// The latency chart: percentiles of ingest-to-stored and ingest-to-alert against arrival rate,
// drawn with @napi-rs/canvas (prebuilt binary shipped in the npm package: no download at install).
import { writeFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';

export interface LatencySeries {
  label: string;
  color: string;
  dash?: number[];
  points: Array<{ rate: number; ms: number }>;
}

export function drawLatencyChart(file: string, title: string, series: LatencySeries[]): void {
  const W = 900;
  const H = 520;
  const pad = { l: 80, r: 230, t: 50, b: 60 };
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, W, H);
  const rates = [...new Set(series.flatMap((s) => s.points.map((p) => p.rate)))].sort((a, b) => a - b);
  const values = series.flatMap((s) => s.points.map((p) => Math.max(p.ms, 1)));
  if (rates.length === 0 || values.length === 0) return;
  // Log scales on both axes: rates span decades, latencies too when a rate saturates.
  const xMin = Math.log10(rates[0]! / 1.5);
  const xMax = Math.log10(rates.at(-1)! * 1.5);
  const yMin = Math.floor(Math.log10(Math.min(...values)));
  const yMax = Math.ceil(Math.log10(Math.max(...values) * 1.1));
  const x = (rate: number) => pad.l + ((Math.log10(rate) - xMin) / (xMax - xMin)) * (W - pad.l - pad.r);
  const y = (ms: number) => H - pad.b - ((Math.log10(Math.max(ms, 1)) - yMin) / Math.max(yMax - yMin, 1)) * (H - pad.t - pad.b);
  g.strokeStyle = '#ddd';
  g.fillStyle = '#333';
  g.font = '13px sans-serif';
  g.lineWidth = 1;
  for (let e = yMin; e <= yMax; e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (Math.log10(v) > yMax) break;
      g.beginPath();
      g.moveTo(pad.l, y(v));
      g.lineTo(W - pad.r, y(v));
      g.stroke();
      g.fillText(v >= 1000 ? `${v / 1000} s` : `${v} ms`, 10, y(v) + 4);
    }
  }
  for (const r of rates) {
    g.beginPath();
    g.moveTo(x(r), pad.t);
    g.lineTo(x(r), H - pad.b);
    g.stroke();
    g.fillText(`${r}/s`, x(r) - 14, H - pad.b + 20);
  }
  g.fillText('arrival rate (statements per second, log)', pad.l + 120, H - 15);
  g.font = 'bold 15px sans-serif';
  g.fillText(title, pad.l, 30);
  g.font = '13px sans-serif';
  series.forEach((s, i) => {
    g.strokeStyle = s.color;
    g.fillStyle = s.color;
    g.lineWidth = 2;
    g.setLineDash(s.dash ?? []);
    g.beginPath();
    s.points.forEach((p, j) => (j === 0 ? g.moveTo(x(p.rate), y(p.ms)) : g.lineTo(x(p.rate), y(p.ms))));
    g.stroke();
    for (const p of s.points) {
      g.beginPath();
      g.arc(x(p.rate), y(p.ms), 3.5, 0, Math.PI * 2);
      g.fill();
    }
    g.beginPath();
    g.moveTo(W - pad.r + 15, pad.t + 10 + i * 22);
    g.lineTo(W - pad.r + 45, pad.t + 10 + i * 22);
    g.stroke();
    g.setLineDash([]);
    g.fillText(s.label, W - pad.r + 52, pad.t + 14 + i * 22);
  });
  writeFileSync(file, canvas.toBuffer('image/png'));
}
