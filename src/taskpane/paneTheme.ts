/**
 * The pane's Fluent theme from Office's theme (`Office.context.officeTheme`): dark when the
 * task pane's body background is dark (Office's Dark Grey and Black themes), light otherwise
 * (White, Colorful, Light Grey, or no theme given, as outside Office). The threshold is where white
 * text starts to contrast better than black (relative luminance 0.179).
 * @example paneThemeOf({ bodyBackgroundColor: "#262626" }) //=> "dark"
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type PaneTheme = "light" | "dark";

/** The part of Office.OfficeTheme the pane reads. */
export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
}

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** Relative luminance (WCAG) of a #rrggbb or #rgb colour, or undefined when it is not one. */
export function luminanceOf(colour: string): number | undefined {
  const match = HEX.exec(colour.trim());
  if (!match) return undefined;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((c) => c + c).join("") : match[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function paneThemeOf(officeTheme: OfficeThemeColours | undefined | null): PaneTheme {
  const luminance = officeTheme?.bodyBackgroundColor === undefined ? undefined : luminanceOf(officeTheme.bodyBackgroundColor);
  return luminance !== undefined && luminance < 0.179 ? "dark" : "light";
}

export function fluentThemeOf(theme: PaneTheme): Theme {
  return theme === "dark" ? webDarkTheme : webLightTheme;
}
