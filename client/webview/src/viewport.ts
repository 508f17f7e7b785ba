/**
 * Zoom and pan for the diagram. The SVG keeps its natural size times a scale; the
 * viewport scrolls natively (scroll bars, trackpads), a drag pans, Ctrl/Cmd + wheel
 * zooms around the pointer, and "fit" scales the diagram to the panel's width.
 */

const MIN_SCALE = 0.1;
const MAX_SCALE = 8;
/** Pointer travel (px) under which a press-and-release is a click, not a drag. */
const CLICK_SLOP = 4;
/** Room (px) `fit` leaves beside the diagram: enough for a vertical scroll bar. */
const FIT_MARGIN = 16;

export class Viewport {
  private scale = 1;
  private natural: { width: number; height: number } | undefined;
  /** Until the user zooms, every new diagram is fitted to the width. */
  private userZoomed = false;
  private drag: { x: number; y: number; left: number; top: number; moved: boolean } | undefined;
  /** True right after a drag, so the click that ends it is not taken as a click on an item. */
  private suppressClick = false;

  /**
   * The viewport's inner width, kept up to date by a ResizeObserver: reading
   * `clientWidth` right after a new SVG went in would force the browser to lay the whole
   * diagram out there and then (tens of ms for a few hundred messages).
   */
  private width: number;

  constructor(private readonly viewport: HTMLElement, private readonly canvas: HTMLElement) {
    this.width = viewport.clientWidth;
    new ResizeObserver(() => this.onResize()).observe(viewport);
    viewport.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    viewport.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    viewport.addEventListener('pointermove', (e) => this.onPointerMove(e));
    viewport.addEventListener('pointerup', (e) => this.onPointerUp(e));
    viewport.addEventListener('pointercancel', () => { this.drag = undefined; });
    viewport.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** A new SVG is in the canvas: size it, keeping the user's zoom if there was one. */
  attach(svg: SVGSVGElement): void {
    const viewBox = svg.viewBox.baseVal;
    const width = viewBox && viewBox.width > 0 ? viewBox.width : svg.getBoundingClientRect().width;
    const height = viewBox && viewBox.height > 0 ? viewBox.height : svg.getBoundingClientRect().height;
    this.natural = { width, height };
    svg.removeAttribute('style'); // Mermaid's max-width would fight the scale.
    if (this.userZoomed) this.apply(); else this.fit(false);
  }

  /** Scale to the panel's width (never above 1:1). */
  fit(byUser = true): void {
    if (!this.natural) return;
    if (byUser) this.userZoomed = false;
    const available = Math.max(50, this.width - FIT_MARGIN);
    this.scale = clamp(Math.min(1, available / this.natural.width));
    this.apply();
  }

  zoomBy(factor: number, anchor?: { x: number; y: number }): void {
    if (!this.natural) return;
    const rect = this.viewport.getBoundingClientRect();
    const ax = anchor ? anchor.x - rect.left : this.viewport.clientWidth / 2;
    const ay = anchor ? anchor.y - rect.top : this.viewport.clientHeight / 2;
    // Keep the diagram point under the anchor where it is.
    const px = (this.viewport.scrollLeft + ax) / this.scale;
    const py = (this.viewport.scrollTop + ay) / this.scale;
    this.scale = clamp(this.scale * factor);
    this.userZoomed = true;
    this.apply();
    this.viewport.scrollLeft = px * this.scale - ax;
    this.viewport.scrollTop = py * this.scale - ay;
  }

  reset(): void {
    this.scale = 1;
    this.userZoomed = true;
    this.apply();
  }

  get currentScale(): number {
    return this.scale;
  }

  /** Whether the click now arriving ended a drag (and so must be ignored). */
  consumeDragClick(): boolean {
    const was = this.suppressClick;
    this.suppressClick = false;
    return was;
  }

  /** Scrolls an element into view if it is not visible. */
  reveal(element: Element): void {
    const box = element.getBoundingClientRect();
    const view = this.viewport.getBoundingClientRect();
    if (box.top >= view.top && box.bottom <= view.bottom && box.left >= view.left && box.right <= view.right) return;
    this.viewport.scrollTop += box.top - view.top - view.height / 3;
    this.viewport.scrollLeft += box.left - view.left - view.width / 3;
  }

  private apply(): void {
    const svg = this.canvas.querySelector('svg');
    if (!svg || !this.natural) return;
    svg.setAttribute('width', String(Math.round(this.natural.width * this.scale)));
    svg.setAttribute('height', String(Math.round(this.natural.height * this.scale)));
    this.canvas.dataset.scale = this.scale.toFixed(3);
  }

  /** The panel was resized (observers run after layout, so reading the width is free): refit unless the user zoomed. */
  private onResize(): void {
    const width = this.viewport.clientWidth;
    const changed = Math.abs(width - this.width);
    this.width = width;
    // A scroll bar coming or going is within the margin `fit` leaves; refitting for it
    // could bring the other back and go round in circles.
    if (changed > FIT_MARGIN && !this.userZoomed) this.fit(false);
  }

  private onWheel(e: WheelEvent): void {
    if (!(e.ctrlKey || e.metaKey)) return; // plain wheel scrolls natively
    e.preventDefault();
    this.zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1, { x: e.clientX, y: e.clientY });
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.drag = { x: e.clientX, y: e.clientY, left: this.viewport.scrollLeft, top: this.viewport.scrollTop, moved: false };
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.drag) return;
    const dx = e.clientX - this.drag.x;
    const dy = e.clientY - this.drag.y;
    if (!this.drag.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
    if (!this.drag.moved) {
      this.drag.moved = true;
      this.viewport.setPointerCapture(e.pointerId);
      this.viewport.classList.add('dragging');
    }
    this.viewport.scrollLeft = this.drag.left - dx;
    this.viewport.scrollTop = this.drag.top - dy;
  }

  private onPointerUp(e: PointerEvent): void {
    if (this.drag?.moved) {
      this.suppressClick = true;
      this.viewport.releasePointerCapture(e.pointerId);
      this.viewport.classList.remove('dragging');
    }
    this.drag = undefined;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === '+' || e.key === '=') this.zoomBy(1.2);
    else if (e.key === '-') this.zoomBy(1 / 1.2);
    else if (e.key === '0') this.fit();
  }
}

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}
