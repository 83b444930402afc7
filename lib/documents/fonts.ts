// Registers Inter for the PDF templates, once per process, from the TTF files inside the npm
// package (no network at render time; glyphs for € £ ¥ ₹ and accented names), and measures text
// with the same font files, so the invoice template can plan its pages before rendering them.
import fs from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const PDF_FONT_FAMILY = "Inter";

export type PdfFontWeight = 400 | 600 | 700;

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "inter");

const FILES: Record<PdfFontWeight, string> = {
  400: "400Regular/Inter_400Regular.ttf",
  600: "600SemiBold/Inter_600SemiBold.ttf",
  700: "700Bold/Inter_700Bold.ttf",
};

const WEIGHTS = [400, 600, 700] as const satisfies readonly PdfFontWeight[];

/**
 * Every OpenType feature off. Shaping Inter with its contextual alternates and kerning took about
 * 40% of a render; without them a glyph is its character and a width is the sum of the glyphs'
 * advances, which is also what lets the page planner measure text exactly (loadPdfTextMetrics).
 */
export const PDF_FONT_FEATURES = {
  calt: false,
  clig: false,
  liga: false,
  rclt: false,
  curs: false,
  kern: false,
  ccmp: false,
  locl: false,
  mark: false,
  mkmk: false,
  rvrn: false,
  ltra: false,
  ltrm: false,
  frac: false,
  numr: false,
  dnom: false,
} as const;

let registered = false;

/** Idempotent; render.ts calls it at module load, so the first document pays for it once. */
export const registerPdfFonts = (): void => {
  if (registered) return;
  const fonts = WEIGHTS.map((fontWeight) => {
    const src = path.join(FONT_DIR, FILES[fontWeight]);
    // Resolved from the working directory (the project root under `npm start` and the tests): say
    // so plainly rather than letting the renderer fail on its first document.
    if (!fs.existsSync(src)) throw new Error(`PDF font missing: ${src} (is @expo-google-fonts/inter installed?)`);
    return { src, fontWeight };
  });
  Font.register({ family: PDF_FONT_FAMILY, fonts });
  // Hyphenating would split invoice numbers and references ("INV-202406-0052") at their dashes and
  // costs time on every word; long words still wrap at the box edge.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
};

export type TextStyleMetrics = { size: number; weight: PdfFontWeight; letterSpacing?: number };

export type PdfTextMetrics = {
  /** Width in points of one line of text, as the renderer will lay it out. */
  width: (text: string, style: TextStyleMetrics) => number;
  /** Height in points of one line at this size (the font's ascent + descent + line gap). */
  lineHeight: (size: number) => number;
};

type LoadedFont = { unitsPerEm: number; advance: (codePoint: number) => number; lineHeightRatio: number };

const loadFont = async (fontWeight: PdfFontWeight): Promise<LoadedFont> => {
  const descriptor = { fontFamily: PDF_FONT_FAMILY, fontWeight };
  await Font.load(descriptor);
  const font = Font.getFont(descriptor).data;
  if (!font) throw new Error(`PDF font ${PDF_FONT_FAMILY} ${fontWeight} did not load`);
  const advances = new Map<number, number>();
  return {
    unitsPerEm: font.unitsPerEm,
    lineHeightRatio: (font.ascent - font.descent + font.lineGap) / font.unitsPerEm,
    advance: (codePoint) => {
      const known = advances.get(codePoint);
      if (known !== undefined) return known;
      const width = font.glyphForCodePoint(codePoint).advanceWidth;
      advances.set(codePoint, width);
      return width;
    },
  };
};

let metrics: Promise<PdfTextMetrics> | undefined;

/** Loads the registered fonts once and measures with them; cached per process. */
export const loadPdfTextMetrics = (): Promise<PdfTextMetrics> => {
  registerPdfFonts();
  metrics ??= Promise.all(WEIGHTS.map(loadFont)).then(([regular, semiBold, bold]) => {
    const byWeight: Record<PdfFontWeight, LoadedFont> = { 400: regular!, 600: semiBold!, 700: bold! };
    return {
      lineHeight: (size) => size * regular!.lineHeightRatio,
      width: (text, { size, weight, letterSpacing = 0 }) => {
        const font = byWeight[weight];
        let units = 0;
        let count = 0;
        for (const character of text) {
          units += font.advance(character.codePointAt(0)!);
          count += 1;
        }
        return (units * size) / font.unitsPerEm + letterSpacing * count;
      },
    };
  });
  return metrics;
};
