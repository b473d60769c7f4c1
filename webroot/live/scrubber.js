// The scrubber: after a run (or a replay), drag through its time. The console then shows only the
// lines printed by that moment and the timeline marks it. Left and Right step from one event to
// the next; Play goes through the run at ¼×, 1× or 4× its real speed.

import { SPEEDS, advance, moments, position, step } from "./scrub.js";

export class Scrubber {
  /** @param {(t: number|null) => void} onMove called with each new moment, and null on reset */
  constructor(onMove) {
    this.onMove = onMove;
    this.times = [];
    this.total = 0;
    this.t = null;
    this.frame = 0;
    this.speed = 1;

    const box = document.createElement("div");
    box.className = "scrubber";
    box.hidden = true;
    this.play = document.createElement("button");
    this.play.type = "button";
    this.play.className = "button run-action scrub-play";
    this.play.textContent = "Play";
    this.play.addEventListener("click", () => (this.frame ? this.pause() : this.start()));
    this.range = document.createElement("input");
    this.range.type = "range";
    this.range.className = "scrub-range";
    this.range.min = "0";
    this.range.step = "1";
    this.range.setAttribute("aria-label", "Time in the run. Left and Right step from event to event.");
    this.range.addEventListener("input", () => {
      this.pause();
      this.set(Number(this.range.value));
    });
    this.range.addEventListener("keydown", (e) => this.key(e));
    this.speedPicker = document.createElement("select");
    this.speedPicker.className = "scrub-speed";
    this.speedPicker.setAttribute("aria-label", "Playback speed");
    for (const s of SPEEDS) {
      const option = document.createElement("option");
      option.value = String(s);
      option.textContent = s === 0.25 ? "¼×" : `${s}×`;
      option.selected = s === 1;
      this.speedPicker.append(option);
    }
    this.speedPicker.addEventListener("change", () => (this.speed = Number(this.speedPicker.value)));
    this.readout = document.createElement("output");
    this.readout.className = "scrub-position";
    const label = document.createElement("span");
    label.className = "scrub-label";
    label.textContent = "Scrub";
    box.append(label, this.play, this.range, this.speedPicker, this.readout);
    this.element = box;
  }

  /** Offers the finished recordings' time, positioned at the end (everything shown). */
  load(recordings) {
    const all = new Set();
    this.total = 0;
    for (const r of recordings) {
      if (r.total === null) continue;
      this.total = Math.max(this.total, r.total);
      for (const t of moments(r)) all.add(t);
    }
    this.times = Array.from(all).sort((a, b) => a - b);
    if (this.total <= 0) return this.reset();
    this.range.max = String(Math.ceil(this.total));
    this.element.hidden = false;
    this.set(this.total, false);
  }

  reset() {
    this.pause();
    this.element.hidden = true;
    this.t = null;
    this.onMove(null);
  }

  set(t, announce = true) {
    this.t = Math.max(0, Math.min(t, this.total));
    this.range.value = String(Math.round(this.t));
    this.range.setAttribute("aria-valuetext", position(this.t, this.total));
    this.readout.textContent = position(this.t, this.total);
    this.onMove(announce || this.t < this.total ? this.t : null);
  }

  key(event) {
    const direction = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 }[event.key];
    if (!direction) return;
    event.preventDefault();
    this.pause();
    this.set(step(this.times, this.t ?? 0, direction));
  }

  start() {
    if (this.t === null || this.t >= this.total) this.set(0);
    this.play.textContent = "Pause";
    let last = performance.now();
    const tick = (now) => {
      this.set(advance(this.t, now - last, this.speed, this.total));
      last = now;
      if (this.t >= this.total) this.pause();
      else this.frame = window.requestAnimationFrame(tick);
    };
    this.frame = window.requestAnimationFrame(tick);
  }

  pause() {
    if (this.frame) window.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.play.textContent = "Play";
  }
}
