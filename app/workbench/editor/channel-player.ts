/**
 * Listening to one channel of a multichannel original (the therapist's or
 * the patient's microphone of a two-channel session). The waveform's media
 * element switches to the original file, and Web Audio routes the chosen
 * channel to both ears: MediaElementSource → ChannelSplitter → that output
 * into both inputs of a ChannelMerger → speakers. "All channels" goes back to
 * the analysis audio the waveform shows.
 */
export class ChannelPlayer {
  private context: AudioContext | null = null;
  private source: MediaElementAudioSourceNode | null = null;
  private splitter: ChannelSplitterNode | null = null;
  private merger: ChannelMergerNode | null = null;
  private current: number | null = null;

  constructor(
    private readonly media: HTMLMediaElement,
    private readonly urls: { analysis: string; original: string },
    private readonly channels: number,
  ) {}

  channel(): number | null {
    return this.current;
  }

  /** Plays channel `channel` (0-based) alone, or all channels (null); must run in a user gesture the first time (autoplay rules). */
  async select(channel: number | null): Promise<void> {
    if (channel !== null && (channel < 0 || channel >= this.channels)) throw new RangeError(`channel ${channel + 1} does not exist (the file has ${this.channels})`);
    if (channel === this.current) return;
    const graph = this.graph();
    await graph.context.resume();
    graph.source.disconnect();
    graph.splitter.disconnect();
    if (channel === null) {
      graph.source.connect(graph.context.destination);
    } else {
      graph.source.connect(graph.splitter);
      graph.splitter.connect(graph.merger, channel, 0);
      graph.splitter.connect(graph.merger, channel, 1);
    }
    this.current = channel;
    await this.switchSource(channel === null ? this.urls.analysis : this.urls.original);
  }

  destroy(): void {
    this.source?.disconnect();
    this.splitter?.disconnect();
    this.merger?.disconnect();
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private graph() {
    if (!this.context) {
      // A media element can feed only one MediaElementSource in its life, so the graph is built once and rewired.
      this.context = new AudioContext();
      this.source = this.context.createMediaElementSource(this.media);
      this.splitter = this.context.createChannelSplitter(Math.max(2, this.channels));
      this.merger = this.context.createChannelMerger(2);
      this.merger.connect(this.context.destination);
    }
    return { context: this.context, source: this.source!, splitter: this.splitter!, merger: this.merger! };
  }

  /** Changes the file under the element, keeping the position and whether it was playing. */
  private async switchSource(url: string): Promise<void> {
    const media = this.media;
    if (media.getAttribute("src") === url) return;
    const time = media.currentTime;
    const playing = !media.paused;
    const rate = media.playbackRate;
    media.src = url;
    media.preload = "metadata";
    await new Promise<void>((resolve) => {
      media.addEventListener("loadedmetadata", () => resolve(), { once: true });
      media.addEventListener("error", () => resolve(), { once: true });
    });
    media.currentTime = time;
    media.playbackRate = rate;
    if (playing) await media.play().catch(() => undefined);
  }
}
