// The package ships no types; only what the share image uses.
declare module "arabic-persian-reshaper" {
  export const ArabicShaper: {
    /** Arabic letters replaced by their contextual forms (Arabic Presentation Forms-B), in logical order. */
    convertArabic(text: string): string;
  };
}
