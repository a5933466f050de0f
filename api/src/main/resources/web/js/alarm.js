// Sound and desktop notifications for alerts. The beep is synthesised with WebAudio (no sound file to fetch).

export class Alarm {
  constructor() {
    this.ctx = null;
  }

  /** True when sound is unlocked and notifications were answered (granted or denied). */
  ready() {
    const asked = !('Notification' in window) || Notification.permission !== 'default';
    return asked && this.ctx !== null && this.ctx.state === 'running';
  }

  /** Unlocks sound; needs a user gesture. */
  unlock() {
    try {
      if (!this.ctx) this.ctx = new (window.AudioContext || window.webkitAudioContext)();
      if (this.ctx.state === 'suspended') this.ctx.resume();
    } catch {
      this.ctx = null; // no WebAudio: banners still show
    }
  }

  /** Unlocks sound and asks for notification permission (call from a click). */
  async enable() {
    this.unlock();
    if ('Notification' in window && Notification.permission === 'default') {
      try { await Notification.requestPermission(); } catch { /* older browsers: callback form, ignore */ }
    }
    this.chime();
  }

  tone(freq, startS, lengthS, gain = 0.2, type = 'square') {
    const ctx = this.ctx;
    const osc = ctx.createOscillator();
    const amp = ctx.createGain();
    osc.type = type;
    osc.frequency.value = freq;
    const t0 = ctx.currentTime + startS;
    amp.gain.setValueAtTime(0, t0);
    amp.gain.linearRampToValueAtTime(gain, t0 + 0.01);
    amp.gain.setValueAtTime(gain, t0 + lengthS - 0.03);
    amp.gain.linearRampToValueAtTime(0, t0 + lengthS);
    osc.connect(amp).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + lengthS + 0.02);
  }

  /** Critical: three urgent high beeps; warning: two; info: one soft one. */
  beep(severity) {
    if (!this.ctx) return;
    if (this.ctx.state === 'suspended') this.ctx.resume();
    if (severity === 'critical') [0, 0.18, 0.36].forEach((t) => this.tone(1320, t, 0.12, 0.25));
    else if (severity === 'warning') [0, 0.25].forEach((t) => this.tone(880, t, 0.15, 0.2));
    else this.tone(660, 0, 0.2, 0.12, 'sine');
  }

  /** A gentle rising two-note chime for the "reward now" cue. */
  chime() {
    if (!this.ctx) return;
    if (this.ctx.state === 'suspended') this.ctx.resume();
    this.tone(660, 0, 0.15, 0.15, 'sine');
    this.tone(990, 0.15, 0.25, 0.15, 'sine');
  }

  /** A desktop notification, when allowed: always for critical alerts, otherwise only if the tab is hidden. */
  notify(title, body, tag, critical) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    if (!critical && document.visibilityState === 'visible') return;
    try {
      const n = new Notification(title, { body, tag, requireInteraction: !!critical });
      n.onclick = () => { window.focus(); n.close(); };
    } catch {
      // Some mobile browsers only allow notifications from a service worker; the banner and sound remain.
    }
  }
}
