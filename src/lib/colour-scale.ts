// A stable colour per service name.
//
// The same service gets the same colour in every trace (the palette slot comes from a hash of the
// name), so users learn "checkout is orange". Within one trace two services must not share a
// colour, so a collision moves the later name (in the order given) to the next free slot.
//
// The palette is mid-lightness on purpose: every colour has a relative luminance between 0.17 and
// 0.22, which gives at least 3.8:1 contrast (WCAG non-text needs 3:1) against both white and a
// near-black background, so bars and swatches work in light and dark mode without a second palette.
// Hues are spread so that neighbours differ; pure red is left out because red marks errors.

export const SERVICE_PALETTE: readonly string[] = [
  '#2a83dc', // blue
  '#a8611b', // ochre
  '#189456', // green
  '#d6237c', // magenta
  '#9b65e6', // lavender
  '#167e88', // teal
  '#958018', // olive gold
  '#64748b', // slate (no pure red: red means "error" in Skein)
  '#4b9218', // leaf green
  '#bc24da', // purple
  '#6379e6', // periwinkle
  '#c64a20', // rust
  '#9a7448', // brown
  '#1d8bb0', // cyan
];

/** FNV-1a, 32 bit: small, fast and well spread for short strings. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The preferred colour of a service on its own (no collision handling). */
export function serviceColour(serviceName: string): string {
  return SERVICE_PALETTE[hashString(serviceName) % SERVICE_PALETTE.length] ?? '#2a83dc';
}

/**
 * Hue family of each palette slot (blues, oranges, greens, pinks, purples, teal, olive, slate):
 * while a trace has fewer services than families, no two services share a family, so three
 * services never end up in three shades of blue.
 */
const SLOT_FAMILY: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 2, 4, 0, 1, 1, 0];
const FAMILY_COUNT = 8;

/**
 * Colours for a list of services, one per entry: each name keeps its hashed colour unless that
 * colour (or, for small traces, its hue family) is already taken by an earlier name, in which case
 * it moves to the next free slot. Distinct while there are no more services than palette slots;
 * after that colours repeat.
 */
export function serviceColours(serviceNames: readonly string[]): string[] {
  const size = SERVICE_PALETTE.length;
  const taken = new Uint8Array(size);
  const familyTaken = new Uint8Array(FAMILY_COUNT);
  const avoidFamilies = serviceNames.length <= FAMILY_COUNT;
  let takenCount = 0;
  return serviceNames.map((name) => {
    let slot = hashString(name) % size;
    if (takenCount < size) {
      const free = (k: number) => !taken[k] && !(avoidFamilies && familyTaken[SLOT_FAMILY[k] ?? 0]);
      let probe = 0;
      while (probe < size && !free((slot + probe) % size)) probe++;
      if (probe === size) {
        // Every family is used: fall back to any free slot.
        probe = 0;
        while (taken[(slot + probe) % size]) probe++;
      }
      slot = (slot + probe) % size;
      taken[slot] = 1;
      familyTaken[SLOT_FAMILY[slot] ?? 0] = 1;
      takenCount++;
    }
    return SERVICE_PALETTE[slot] ?? '#2a83dc';
  });
}
