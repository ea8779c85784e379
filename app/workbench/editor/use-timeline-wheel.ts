"use client";

import { type RefObject, useEffect } from "react";
import { wheelZoomFactor } from "./time-scale";
import type { WaveformController } from "./waveform-controller";

/**
 * Wheel over the waveform and the lanes: Ctrl/Cmd + wheel and trackpad pinch
 * (a wheel event with ctrlKey) zoom around the pointer; a sideways wheel or
 * Shift + wheel over a lane scrolls the waveform, which scrolls them all.
 * A native listener, because React's wheel listeners are passive and cannot
 * keep the browser from zooming the page.
 */
export function useTimelineWheel(areaRef: RefObject<HTMLElement | null>, controller: WaveformController | null): void {
  useEffect(() => {
    const area = areaRef.current;
    if (!area || !controller) return;
    const onWheel = (event: WheelEvent) => {
      const x = event.clientX - area.getBoundingClientRect().left;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        controller.wheelZoom(wheelZoomFactor(event.deltaY, event.deltaMode), x);
        return;
      }
      const waveform = controller.wavesurfer.getWrapper().getRootNode();
      const overWaveform = waveform instanceof ShadowRoot && event.composedPath().includes(waveform.host);
      const sideways = event.shiftKey ? event.deltaY : event.deltaX;
      if (overWaveform || sideways === 0 || (!event.shiftKey && Math.abs(event.deltaX) < Math.abs(event.deltaY))) return;
      event.preventDefault();
      controller.scrollBy(sideways * (event.deltaMode === 1 ? 16 : 1));
    };
    area.addEventListener("wheel", onWheel, { passive: false });
    return () => area.removeEventListener("wheel", onWheel);
  }, [areaRef, controller]);
}
